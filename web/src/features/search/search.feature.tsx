import { defineFeature, lazyPage } from '../feature';
import { searchEn } from './search.locale.en';
import { searchFr } from './search.locale.fr';

/** Search across what the person may read; the box itself sits in the header of the signed-in layout. */
export const searchFeature = defineFeature({
  id: 'search',
  routes: { app: [{ path: '/search', lazy: lazyPage(() => import('./search.page'), 'SearchPage') }] },
  locale: { en: searchEn, fr: searchFr },
});
