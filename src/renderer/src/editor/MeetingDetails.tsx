import { memo } from 'react';
import type { Meeting } from '../../../shared/minutes';
import { useAppStore } from '../state/store';
import { RichField } from './richtext/RichField';
import { TextInput, withOptional } from './fields/TextInput';
import { asRich } from './blocks/common';

const HEAD = 'meeting';

/** The title block, dates and venue: the cover of the minutes. */
export const MeetingDetails = memo(function MeetingDetails({ titleBlock, dates, venue }: Pick<Meeting, 'titleBlock' | 'dates' | 'venue'>) {
  const edit = useAppStore((s) => s.edit);
  const type = (field: string, fn: (m: Meeting) => Meeting) => edit(fn, { field: `${HEAD}.${field}`, typing: true });
  const richTitle = (key: 'label' | 'title' | 'joiner' | 'theme', label: string, placeholder: string, className = '') => (
    <RichField
      field={`${HEAD}.${key}`}
      blockId={HEAD}
      kind="inline"
      className={`title-${key} ${className}`}
      value={titleBlock[key] ?? []}
      label={label}
      placeholder={placeholder}
      onChange={(v) =>
        type(key, (m) => {
          const rt = asRich(v);
          const tb = { ...m.titleBlock };
          if (key !== 'title' && rt.length === 0) delete tb[key];
          else tb[key] = rt;
          return { ...m, titleBlock: tb };
        })
      }
    />
  );
  return (
    <section className="details blk" data-block-id={HEAD} aria-label="Meeting details">
      <div className="blk-bar">
        <span className="blk-caption">Title and details</span>
      </div>
      {richTitle('label', 'Document label', 'Document label (e.g. Meeting Minute) — optional', 'muted')}
      {richTitle('title', 'Meeting title', 'Title of the meeting', 'heading')}
      {richTitle('joiner', 'Joining line', 'Joining line (e.g. For) — optional')}
      {richTitle('theme', 'Theme', 'Theme — optional', 'heading')}
      <div className="row">
        <TextInput field={`${HEAD}.start`} label="First day" type="date" value={dates.start}
          onChange={(v) => v && type('start', (m) => ({ ...m, dates: { start: v, end: m.dates.end < v ? v : m.dates.end } }))} />
        <TextInput field={`${HEAD}.end`} label="Last day" type="date" value={dates.end}
          onChange={(v) => v && type('end', (m) => ({ ...m, dates: { start: m.dates.start > v ? v : m.dates.start, end: v } }))} />
        <TextInput field={`${HEAD}.venue`} label="Venue" value={venue.name ?? ''} placeholder="Sokha Hotel"
          onChange={(v) => type('venue', (m) => ({ ...m, venue: withOptional(m.venue, 'name', v) }))} />
        <TextInput field={`${HEAD}.city`} label="City" value={venue.city} placeholder="Siem Reap"
          onChange={(v) => type('city', (m) => ({ ...m, venue: { ...m.venue, city: v } }))} />
        <TextInput field={`${HEAD}.country`} label="Country" value={venue.country} placeholder="Kingdom of Cambodia"
          onChange={(v) => type('country', (m) => ({ ...m, venue: { ...m.venue, country: v } }))} />
      </div>
    </section>
  );
});
