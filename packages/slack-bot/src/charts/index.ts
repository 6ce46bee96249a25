export { chartRoutes } from '../routes/chart-routes.js';
export {
  type ChartImage,
  type ChartUrlMaker,
  chartImage,
  chartUrlMaker,
  trendSpecs,
} from './chart-service.js';
export { CHART_URL_TTL_MS, ChartUrlError, chartPath, readChartToken } from './chart-url.js';
export { CHART_SIZE, type TrendChartSpec, trendAltText, trendChartPng } from './trend-chart.js';
