/** Values for every placeholder of appPackage/, as an env file would give them. */
export const SAMPLE_ENV = {
  TEAMS_APP_ID: '6f1c2b8e-3d4a-4e5f-9a7b-0c1d2e3f4a5b',
  BOT_ID: '0b9f8e7d-6c5b-4a39-8271-605f4e3d2c1b',
  AAD_APP_CLIENT_ID: 'c3d4e5f6-a7b8-49c0-8d1e-2f3a4b5c6d7e',
  BOT_DOMAIN: 'onboarding.example.com',
  DISTRIBUTOR_NAME: 'Example Distribution',
  DISTRIBUTOR_WEBSITE_URL: 'https://www.example.com',
} as const satisfies Record<string, string>;
