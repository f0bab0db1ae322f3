import type { departmentReportBlocks } from '@jixiao/documents';

/** A block of the report writer's model. */
export type WriterBlock = ReturnType<typeof departmentReportBlocks>[number];
