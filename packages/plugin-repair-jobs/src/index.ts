export {
  repairJobsPlugin,
  renderRepairJob,
  RepairJobSchema,
  REPAIR_JOB_STATUSES,
  REPAIR_JOB_TONES,
  type RepairJobData,
  type RepairJobStatus,
  type StatusTone,
} from './repair-jobs.js';
