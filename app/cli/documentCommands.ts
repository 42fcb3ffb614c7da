/** `gloss doc rename` and `gloss doc delete`: a document's display title, and taking it out. */
import type { Command } from 'commander';
import { GlossError } from '../domain/errors.js';
import { deletionWords } from '../service/documents.js';
import { type CliOutput, json, withProject } from './commandKit.js';
import { formatDocumentLine } from './format.js';

export function registerDocumentCommands(program: Command, io: CliOutput): void {
  const doc = program.command('doc').description('rename or delete a document');

  doc
    .command('rename')
    .description('give a document a new display title (its source file name is kept); titles are unique')
    .argument('<project>', 'the project file')
    .requiredOption('--doc <id|title>', 'the document')
    .argument('<title>', 'the new title')
    .option('--json', 'print the document as JSON')
    .action(async (file: string, title: string, options: { doc: string; json?: boolean }) => {
      const renamed = await withProject(file, (service) => service.run('documents.rename', { document: options.doc, title }));
      io.out(options.json ? json(renamed) : formatDocumentLine(renamed));
    });

  doc
    .command('delete')
    .description('delete a document with its codings, memos, attribute values and review rows (undo brings them back)')
    .argument('<project>', 'the project file')
    .requiredOption('--doc <id|title>', 'the document')
    .option('--yes', 'really delete it (without it, Gloss says what would go and changes nothing)')
    .action(async (file: string, options: { doc: string; yes?: boolean }) => {
      await withProject(file, async (service) => {
        const preview = await service.run('documents.deletePreview', { document: options.doc });
        const what = `"${preview.title}" with ${deletionWords(preview)}`;
        if (!options.yes) {
          throw new GlossError('invalid_input', `Deleting would remove ${what}. Nothing was changed; run again with --yes to delete it.`);
        }
        await service.run('documents.delete', { document: preview.id });
        io.out(`Deleted ${what}. \`gloss undo ${file}\` brings it all back.`);
      });
    });
}
