import { defineFeature, lazyPage } from '../feature';
import { requestsEn } from './requests.locale.en';
import { requestsFr } from './requests.locale.fr';

/** Document requests: the public upload page of a request (creating one lives in the documents tab). */
export const requestsFeature = defineFeature({
  id: 'requests',
  routes: {
    standalone: [{ path: '/r/:token', lazy: lazyPage(() => import('./public/request.page'), 'RequestPage') }],
  },
  locale: { en: requestsEn, fr: requestsFr },
});
