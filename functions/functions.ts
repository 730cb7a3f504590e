/**
 * Entry of the custom functions bundle. Importing each functions module is enough: the build's
 * custom-functions-metadata-plugin appends the `CustomFunctions.associate` call of every function
 * declared with `@customfunction` to its module (see functions/modules.json, which lists the same modules).
 */
import './forecast';
import './scenario';
import './variance-flags';
import './cash';
import './driver-update';
import './kpi-response';
import './cash-stress';
import './wc-payables';
import './budget-version';
import { startCellWorkers } from './start-workers';

startCellWorkers();
