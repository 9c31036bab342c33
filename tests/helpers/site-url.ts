/** The address the test site is built for (tests/site/build-site.ts sets SITE_URL to it): .test is reserved for tests. */
export const TEST_ORIGIN = 'https://plans.huanbao.test';
