import { defineFeature } from '../feature';
import { documentsEn } from './documents.locale.en';
import { documentsFr } from './documents.locale.fr';
import { documentsSearchKinds } from './documents.search';
import { DocumentsTab } from './documents-tab';

/** A space's files: the first tab of every space with the documents capability. */
export const documentsFeature = defineFeature({
  id: 'documents',
  spaceTabs: [
    {
      id: 'documents',
      labelKey: 'space.tabDocuments',
      icon: 'folder',
      order: 10,
      capability: 'documents',
      component: DocumentsTab,
    },
  ],
  spaceCapabilities: [
    {
      id: 'documents',
      labelKey: 'documents.capability',
      descriptionKey: 'documents.capabilityHint',
      icon: 'folder',
    },
  ],
  searchKinds: documentsSearchKinds,
  locale: { en: documentsEn, fr: documentsFr },
});
