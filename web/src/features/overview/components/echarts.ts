import { MapChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the grid map needs: the map series (with its geo coordinate system), tooltips, canvas.
echarts.use([MapChart, TooltipComponent, CanvasRenderer]);

export { echarts };
export type GeoJsonInput = Parameters<typeof echarts.registerMap>[1];
