import { normalize } from '../kernel/text.js';
import { planText } from '../messages/plans.js';
import { formatPath, type PathIssue, type YamlPath } from './plan-errors.js';

// Checks shared by plans and the activity-type catalog.

/** Every repeated id after its first use, pointing at the repeat. */
export function duplicateIdIssues(items: readonly { id: string }[], base: YamlPath): PathIssue[] {
  const firstIndex = new Map<string, number>();
  return items.flatMap((item, index): PathIssue[] => {
    const first = firstIndex.get(item.id);
    if (first === undefined) {
      firstIndex.set(item.id, index);
      return [];
    }
    return [{ path: [...base, index, 'id'], message: planText.duplicateId(item.id, formatPath([...base, first])) }];
  });
}

/** Keywords are matched against `normalize()`d text, so they must already be in that form. */
export function keywordIssues(types: readonly { keywords: string[] }[], base: YamlPath): PathIssue[] {
  return types.flatMap((type, typeIndex) =>
    type.keywords.flatMap((keyword, index): PathIssue[] => {
      const normalized = normalize(keyword);
      if (normalized === keyword) return [];
      return [{ path: [...base, typeIndex, 'keywords', index], message: planText.keywordNotNormalized(keyword, normalized) }];
    }),
  );
}
