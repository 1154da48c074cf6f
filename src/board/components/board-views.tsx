import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ReactElement } from 'react';
import { useText } from '../../tab/components/locale-context.js';
import { boardTexts } from '../board-texts.js';
import { boardViews } from '../board-view-list.js';
import type { BoardView } from '../board-view-list.js';
import type { BoardViewProps } from '../board-view-props.js';

const useStyles = makeStyles({
  nav: { marginBlockEnd: tokens.spacingVerticalL },
});

/** The board's views with their navigation (shown once there is more than one view). */
export function BoardViews(props: BoardViewProps & { readonly views?: readonly BoardView[] }): ReactElement {
  const { views = boardViews, ...viewProps } = props;
  const t = useText();
  const styles = useStyles();
  const [selected, setSelected] = useState(views[0]?.id);
  const view = views.find((candidate) => candidate.id === selected) ?? views[0];
  if (view === undefined) throw new Error('The board has no views');
  return (
    <>
      {views.length > 1 && (
        <TabList
          className={styles.nav}
          aria-label={t(boardTexts.viewsNavLabel)}
          selectedValue={view.id}
          onTabSelect={(_event, data) => setSelected(String(data.value))}
        >
          {views.map((candidate) => (
            <Tab key={candidate.id} value={candidate.id} id={`board-view-${candidate.id}`}>
              {t(candidate.title)}
            </Tab>
          ))}
        </TabList>
      )}
      <section aria-labelledby={views.length > 1 ? `board-view-${view.id}` : undefined} aria-label={views.length > 1 ? undefined : t(view.title)}>
        {view.render(viewProps)}
      </section>
    </>
  );
}
