/** English strings of messages/report.ts: downloaded only when the reader switches to English (see ../../index.ts). */
import type { report } from '../report';

export default {
  'impact.report.title': 'Impact evaluation report',
  'impact.report.kicker': 'Impact evaluation report · East Java Social Services Office',
  'impact.report.heading': 'The effect of {program} on {outcome}',
  'impact.report.meta': 'Made {date} · data snapshot {snapshot} ({snapshotDate}) · main method: {method}',
  'impact.report.back': 'Back to the workbench',
  'impact.report.print': 'Print / save as PDF',
  'impact.report.open': 'Printable report (A4)',
  'impact.report.timingIssues': 'The chosen timing file has problems; the report cannot be made. Fix the file in the workbench.',
  'impact.report.s.question': 'Question',
  'impact.report.s.headline': 'Main result',
  'impact.report.s.programme': 'The programme and its rollout',
  'impact.report.s.outcome': 'Outcome indicator and its years',
  'impact.report.s.sample': 'Sample and gaps in the data',
  'impact.report.s.robust': 'Robustness: every method',
  'impact.report.s.event': 'Event study with uniform bands',
  'impact.report.s.sens': 'Sensitivity to violations of parallel trends',
  'impact.report.s.map': 'Map of effects by region',
  'impact.report.s.cost': 'Cost per unit of effect',
  'impact.report.s.assume': 'Assumptions and caveats',
  'impact.report.s.reproduce': 'How to reproduce the numbers',
  'impact.report.question':
    'Did {program} change {outcome} in the regencies and cities of East Java, and by how much, compared with regions that did not (or not yet) receive it? Data for {years}.',
  'impact.report.inferences': 'Main result ({unit}) by inference',
  'impact.report.col.ci': '95% CI',
  'impact.report.col.detail': 'Details',
  'impact.report.noInterval': 'no interval',
  'impact.report.enumerated': 'all {n} possibilities',
  'impact.report.drawn': '{n} draws, seed {seed}',
  'impact.report.programmeStart': 'Start year in the programme catalogue: {year}.',
  'impact.report.recordSources': 'Sources of the public record',
  'impact.report.caveats':
    'Regency/city BPS figures are survey estimates with sampling error; other programmes running at the same time are not separated; with 38 regions analytic tests tend to reject too often, so the wild bootstrap and randomization inference are reported beside them. Gaps in the data are not filled.',
  'impact.report.reproduceIntro':
    'Download the region × year panel that was used (file {file}, from the workbench or the button below), then run in the Dampak repository:',
  'impact.report.downloadPanel': 'Download panel (CSV)',
  'impact.report.snapshot': 'Data snapshot {snapshot}, built {date}; report made {today}.'
} satisfies Record<keyof (typeof report)['id'], string>;
