import { getProjectRow, projectCounts, schemaVersion } from '../store/projectQueries.js';
import type { Context } from './context.js';
import { countedCoders } from './countedCoders.js';
import type { Handlers } from './handlers.js';
import type { ProjectInfo } from './views.js';

function projectInfo(context: Context): ProjectInfo {
  const row = getProjectRow(context.db)!;
  const counted = countedCoders(context.db);
  return {
    id: row.uuid,
    name: row.name,
    file: context.file,
    schemaVersion: schemaVersion(context.db),
    createdAt: row.created_at,
    counts: projectCounts(context.db, counted.excludedCoderId),
    countsLeaveOut: counted.excludedCoder,
  };
}

export const projectHandlers = {
  'project.info': (context) => projectInfo(context),
  'project.rename': (context, input) =>
    context.mutate('project.rename', (recorder) => {
      recorder.update('project', 1, { name: input.name });
      return { result: projectInfo(context), summary: `Rename the project to "${input.name}"` };
    }),
} satisfies Partial<Handlers>;
