// Unit tests of the canvas's framework-free model (frontend/**/*.test.ts), run by `vitest run` and
// by the designer's Maven build in the test phase. Vaadin's generated files are not tests and are
// left out; the tests need neither Vaadin's Vite configuration nor a browser.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['frontend/**/*.test.ts'],
    exclude: ['frontend/generated/**', 'node_modules/**'],
    environment: 'node',
  },
});
