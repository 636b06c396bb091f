/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Unit tests sit beside the code in src/; integration tests with real loopback servers in tests/integration.
export default getViteConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
