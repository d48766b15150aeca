// The Data tab: the filter box above the grid (and, for a cleaned version, the diff view).
import { FilterBox } from '../grid/FilterBox';
import { GridPane } from '../grid/GridPane';

export function DataTab() {
  return (
    <>
      <div className="data-toolbar">
        <FilterBox />
      </div>
      <GridPane />
    </>
  );
}
