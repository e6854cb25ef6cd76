import type { Config } from '../../config.ts';
import { DIP_IMPORT_JOB, dipImportJobHandler } from '../../dip/import.ts';
import { createMailer, MAIL_KIND, mailHandler } from '../../mail/mail.ts';
import { OVERSIGHT_JOB, oversightJobHandler } from '../../oversight/jobs.ts';
import { RECEIPT_JOB, receiptJobHandler } from '../../requests/service.ts';
import type { JobHandlers } from './runner.ts';

/**
 * Every kind of outbox message this release can run. The web process and `worker` both take their
 * handlers from here, so a message is handled the same whichever process claims it.
 */
export function jobHandlers(config: Config): JobHandlers {
  return {
    [MAIL_KIND]: mailHandler(createMailer(config)),
    [RECEIPT_JOB]: receiptJobHandler(config.baseUrl),
    [DIP_IMPORT_JOB]: dipImportJobHandler(),
    [OVERSIGHT_JOB]: oversightJobHandler(),
  };
}
