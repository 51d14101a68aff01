import type { Attachment } from 'botbuilder';
import { renderCard } from '../cards';
import { escapeStrings } from './card-data';
import type { ReportView } from './view-models';

/**
 * The monthly report (`cards/report.json`): a heading, then per part its chart — Chart.Donut,
 * Chart.VerticalBar, Chart.HorizontalBar or Chart.VerticalBar.Grouped, which Teams draws — with the
 * same figures as a FactSet `fallback` for clients that draw no charts, and its notes.
 */
export function reportCard(view: ReportView): Attachment {
  return renderCard('report', {
    title: escapeStrings(view.title),
    intro: escapeStrings(view.intro),
    sections: view.sections.map((s) => {
      const chart = s.chart;
      const axisTitle = chart && chart.kind !== 'donut' ? view.axisTitles[chart.axis] : null;
      return {
        // Shown as text (Markdown): escaped. Chart labels are drawn, not parsed, so they go as they are.
        title: escapeStrings(s.title),
        facts: escapeStrings(s.facts),
        notes: escapeStrings(s.notes),
        axisTitle,
        donut: chart?.kind === 'donut' ? chart.points : null,
        bars: chart?.kind === 'bars' ? chart.points : null,
        hbars: chart?.kind === 'hbars' ? chart.points : null,
        grouped: chart?.kind === 'grouped' ? chart.series : null,
      };
    }),
  });
}
