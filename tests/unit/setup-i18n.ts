// Unit tests call t() on any module's keys without rendering a page: register every message file
// (in the app each page registers its own, see src/lib/i18n/index.ts).
import { useMessages } from '../../src/lib/i18n';
import { DOMAINS } from '../../src/lib/i18n/messages';

useMessages(...DOMAINS);
