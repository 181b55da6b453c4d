import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseCollapsed, useSectionState } from './section-state.ts';
import { ObjectSection } from './ObjectSection.tsx';

describe('parseCollapsed', () => {
  const cases = [
    { name: 'nothing stored', text: null, expected: [] },
    { name: 'a list of ids', text: '["enums","views"]', expected: ['enums', 'views'] },
    { name: 'entries that are not ids are left out', text: '["enums",3,null]', expected: ['enums'] },
    { name: 'not a list', text: '{"enums":true}', expected: [] },
    { name: 'not JSON', text: '[enums', expected: [] },
  ];
  it.each(cases)('$name', ({ text, expected }) => {
    expect(parseCollapsed(text)).toEqual(expected);
  });
});

describe('ObjectSection', () => {
  const render = (count: number) => renderToStaticMarkup(
    createElement(ObjectSection, { id: 'enums', title: 'Enums', count, empty: 'No enums yet.', testId: 'enum-editor' }, createElement('p', null, 'the list')),
  );
  it('shows its count in the header and its content when it has some', () => {
    const html = render(2);
    expect(html).toContain('data-testid="section-count">2</span>');
    expect(html).toContain('the list');
    expect(html).not.toContain('No enums yet.');
  });
  it('is one muted line when empty', () => {
    const html = render(0);
    expect(html).toContain('data-testid="section-empty">No enums yet.</p>');
    expect(html).not.toContain('the list');
  });
  it('is folded and unfolded by id (the journey checks what the page shows)', () => {
    const { toggle, expand } = useSectionState.getState();
    toggle('enums');
    toggle('views');
    expect(useSectionState.getState().collapsed).toEqual(['enums', 'views']);
    toggle('enums');
    expand('views');
    expect(useSectionState.getState().collapsed).toEqual([]);
  });
});
