// Unit tests call t() on any module's keys without rendering a page: register every message file
// (in the app each page registers its own, see src/lib/i18n/index.ts), with their English tables
// (in the app those load when the reader switches to English).
import { loadEnglish, useMessages } from '../../src/lib/i18n';
import { DOMAINS } from '../../src/lib/i18n/messages';

useMessages(...DOMAINS);
await loadEnglish(...DOMAINS);
