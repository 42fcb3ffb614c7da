import type { Section } from '../section.js';
import { agreementSection } from './agreement.js';
import { analysisSection } from './analysis.js';
import { codingsSection } from './codings.js';
import { importSection } from './import.js';
import { refiSection } from './refi.js';
import { undoSection } from './undo.js';
import { readerSection } from '../reader/run.js';

/** Every section, in the order they run and print. Add new ones here. */
export const SECTIONS: readonly Section[] = [importSection, codingsSection, undoSection, analysisSection, readerSection, agreementSection, refiSection];
