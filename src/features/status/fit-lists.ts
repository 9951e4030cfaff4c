// Shares a line budget among several lists so a whole summary fits one phone screen. Each list shows as
// many items as it gets lines, plus a "… and N more" line when cut; lists earlier in the array win ties.

export interface FitList {
  items: string[];
  more: (hidden: number) => string;
}

export function fitLists(lists: FitList[], budget: number): string[][] {
  const shown = lists.map(() => 0);
  const lines = () => lists.reduce((total, list, i) => total + shown[i]! + (shown[i]! < list.items.length ? 1 : 0), 0);
  for (let grew = true; grew;) {
    grew = false;
    lists.forEach((list, i) => {
      if (shown[i]! >= list.items.length) return;
      shown[i]! += 1;
      if (lines() > budget) shown[i]! -= 1;
      else grew = true;
    });
  }
  return lists.map((list, i) => {
    const visible = list.items.slice(0, shown[i]);
    const hidden = list.items.length - visible.length;
    return hidden > 0 ? [...visible, list.more(hidden)] : visible;
  });
}
