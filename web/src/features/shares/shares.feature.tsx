import { defineFeature, lazyPage } from '../feature';
import { sharesEn } from './shares.locale.en';
import { sharesFr } from './shares.locale.fr';

/** Share links (their public page; managing them lives in the documents tab) and notifications. */
export const sharesFeature = defineFeature({
  id: 'shares',
  routes: {
    standalone: [{ path: '/s/:token', lazy: lazyPage(() => import('./public/share.page'), 'SharePage') }],
  },
  locale: { en: sharesEn, fr: sharesFr },
});
