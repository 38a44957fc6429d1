import { z } from 'zod';
import type { ScannedFile, ScannedItem, ScannedSpace } from '../../../shared/inventory.ts';
import { EVENT_ORGANIZERS, ITEM_ORIGINS, MIGRATION_REQUESTS } from '../../../shared/model.ts';
import { oneOf, toItemType, toRuleId, toSpaceKind, toVerdict } from './row-values.ts';

/** Items and spaces as a scan wrote them, read back into the shapes the scan produced. */

export const SCANNED_ITEM_COLUMNS = `id, space_id, type, title, created_at, updated_at, parent, owner, origin, organizer,
  has_body, file_json, url, size, verdict, rule, reason_en, reason_nl, quote`;

export interface ScannedItemRow {
  id: string;
  space_id: string | null;
  type: string;
  title: string;
  created_at: string;
  updated_at: string | null;
  parent: string | null;
  owner: string | null;
  origin: string | null;
  organizer: string | null;
  has_body: number | null;
  file_json: string | null;
  url: string | null;
  size: number;
  verdict: string;
  rule: string;
  reason_en: string;
  reason_nl: string;
  quote: string;
}

const FileJson = z.object({ name: z.string(), mediaType: z.string(), size: z.number(), sha256: z.string() });
const toOrigin = oneOf(ITEM_ORIGINS, 'item origin');
const toOrganizer = oneOf(EVENT_ORGANIZERS, 'event organizer');
const toMigrationRequest = oneOf(MIGRATION_REQUESTS, 'migration request');

function toFile(text: string | null): ScannedFile | null {
  return text === null ? null : FileJson.parse(JSON.parse(text));
}

export function itemFromRow(row: ScannedItemRow): ScannedItem {
  return {
    id: row.id,
    space: row.space_id,
    type: toItemType(row.type),
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    parent: row.parent,
    // Rows an older version wrote lack these: the platform's defaults stand in.
    owner: row.owner ?? '',
    origin: row.origin === null ? 'etwinning' : toOrigin(row.origin),
    organizer: row.organizer === null ? null : toOrganizer(row.organizer),
    hasBody: row.has_body === 1,
    file: toFile(row.file_json),
    size: row.size,
    url: row.url,
    verdict: toVerdict(row.verdict),
    rule: toRuleId(row.rule),
    reason: { en: row.reason_en, nl: row.reason_nl },
    quote: row.quote,
  };
}

export const SCANNED_SPACE_COLUMNS = `id, kind, title, created_at, migration_request, project_id, item_count, activity_json,
  last_activity_at, verdict, rule, reason_en, reason_nl, quote, lost_items, uncertain_items, migrates_items, at_risk_bytes`;

export interface ScannedSpaceRow {
  id: string;
  kind: string;
  title: string;
  created_at: string;
  migration_request: string | null;
  project_id: string | null;
  item_count: number;
  activity_json: string | null;
  last_activity_at: string | null;
  verdict: string;
  rule: string;
  reason_en: string;
  reason_nl: string;
  quote: string;
  lost_items: number;
  uncertain_items: number;
  migrates_items: number;
  at_risk_bytes: number;
}

const Activity = z.array(z.string());

export function spaceFromRow(row: ScannedSpaceRow): ScannedSpace {
  return {
    id: row.id,
    kind: toSpaceKind(row.kind),
    title: row.title,
    createdAt: row.created_at,
    migrationRequest: row.migration_request === null ? null : toMigrationRequest(row.migration_request),
    projectId: row.project_id,
    itemCount: row.item_count,
    activity: row.activity_json === null ? [] : Activity.parse(JSON.parse(row.activity_json)),
    lastActivityAt: row.last_activity_at,
    verdict: toVerdict(row.verdict),
    rule: toRuleId(row.rule),
    reason: { en: row.reason_en, nl: row.reason_nl },
    quote: row.quote,
  };
}
