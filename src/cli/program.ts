import { Command, Option } from 'commander';
import { aggregateCommand, type AggregateFlags } from './commands/aggregate.js';
import { analyzeCommand, type AnalyzeFlags } from './commands/analyze.js';
import { balanceCommand, type BalanceFlags } from './commands/balance.js';
import { checkCommand } from './commands/check.js';
import { convertCommand, type ConvertFlags } from './commands/convert.js';
import { extractCommand, type ExtractFlags } from './commands/extract.js';
import { decomposeCommand, type DecomposeFlags } from './commands/decompose.js';
import { regionaliseCommand, type RegionaliseFlags } from './commands/regionalise.js';
import { seriesCommand, type SeriesFlags } from './commands/series.js';
import { importCommand, type ImportFlags } from './commands/import.js';
import { lpSolveCommand, type LpSolveFlags } from './commands/lp.js';
import { planCommand, type PlanFlags } from './commands/plan.js';
import { serveCommand, type ServeFlags } from './commands/serve.js';
import { workerCommand, type WorkerFlags } from './commands/worker.js';
import { pathsCommand, type PathsFlags } from './commands/paths.js';
import { uncertaintyCommand, type UncertaintyFlags } from './commands/uncertainty.js';
import { storeBackupCommand, storeCheckCommand, storeRestoreCommand, type StoreBackupFlags, type StoreFlags } from './commands/store.js';
import type { FormatFlags } from './output.js';
import type { EncodingFlags } from './read-options.js';
import { reportError, runCommand } from './run-command.js';

const formats = (cmd: Command): Command =>
  cmd.addOption(new Option('--json', 'print JSON (shape documented in docs/cli.md)')).addOption(new Option('--csv', 'print CSV (one section per table)'));

/** `--encoding` for the commands that read files: every file the command reads is in it. */
const encodingOption = (): Option => new Option('--encoding <name>', 'text encoding of the files read, e.g. latin1, windows-1250, utf-16le (default: utf-8, strictly; docs/model.md)');

/** The `plenty` command line. Each command is a thin call into the library. */
export function buildProgram(): Command {
  const program = new Command('plenty')
    .description('Computational economic planning: material balances, input–output analysis, optimal plans.')
    .version('0.1.0')
    .showHelpAfterError()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .exitOverride((err) => {
      // Help and version are not errors; usage mistakes exit 1 (a user's error).
      process.exit(err.exitCode === 0 ? 0 : 1);
    });

  formats(program.command('check').argument('<model>', 'model file (YAML, JSON or .parquet)').description('validate a model and say what it holds').addOption(encodingOption())).action(
    (model: string, flags: EncodingFlags & FormatFlags) => runCommand(flags, () => checkCommand(model, flags)),
  );

  formats(
    program
      .command('balance')
      .argument('<model>', 'model file (YAML, JSON or .parquet)')
      .description('check whether a plan balances, product by product: deficits, what they block, what closing them takes')
      .option('--plan <file>', 'plan file (activity per technique or output per product); default: the model’s own plan')
      .option('--all', 'also list the balance of every item and resource')
      .option('--top <n>', 'how many deficits, surpluses and limits to list', '10')
      .option('--rule <rule>', 'how short supply is shared among users: priority | proportional', 'priority')
      .addOption(encodingOption()),
  ).action((model: string, flags: BalanceFlags & FormatFlags) => runCommand(flags, () => balanceCommand(model, flags)));

  formats(
    program
      .command('analyze')
      .argument('<model>', 'model file (YAML, JSON or .parquet)')
      .description('input–output analysis: gross output for a final demand, multipliers, labour values, footprints')
      .option('--demand <file>', 'final demand per product (YAML/JSON mapping or CSV item,amount); default: the model’s targets')
      .option('--period <id>', 'period whose targets make the final demand; default the first')
      .option('--multipliers', 'output multipliers and the multipliers of every resource row')
      .option('--labour-values', 'labour embodied per unit of each product')
      .option('--labour <id>', 'the resource that is labour (default: the one named labour/employment)')
      .option('--income <id>', 'income multipliers (simple and Type I) of this resource row (household income, compensation)')
      .option('--linkages', 'backward and forward linkages, raw and as indices (monetary tables)')
      .option('--footprints', 'resource use behind the final demand of each region (and per person where regions have a population)')
      .option('--inverse', 'print the Leontief inverse (small models only)')
      .option('--type-ii', 'Type II effects: direct, indirect and induced effects and Type I / Type II ratios, the model closed with respect to households')
      .option('--household-consumption <category>', 'the final-use category that is households’ consumption (implies --type-ii; default: the one named households)')
      .option('--household-income <id>', 'the resource that is households’ income (implies --type-ii; default: the one named compensation of employees)')
      .option('--characterise <factors>', 'characterised impacts: a factors file (CSV/TSV: stressor, impact, factor, unit) applied to the resources; multipliers and footprints of each impact')
      .option('--tolerance <x>', 'relative residual of the iterative solves', '1e-12')
      .option('--max-iterations <n>', 'iterations each iterative solve may take', '5000')
      .addOption(encodingOption()),
  ).action((model: string, flags: AnalyzeFlags & FormatFlags) => runCommand(flags, () => analyzeCommand(model, flags)));

  formats(
    program
      .command('extract')
      .argument('<model>', 'model file (YAML, JSON or .parquet)')
      .description('hypothetical extraction: what the economy loses without some sectors or regions; key sectors ranked')
      .option('--sectors <ids>', 'comma-separated items, products or (imported tables) sectors to extract together')
      .option('--regions <ids>', 'comma-separated regions whose items to extract together')
      .option('--kind <kind>', 'total | backward | forward', 'total')
      .option('--rank [by]', 'extract every item (default) or every region (regions) on its own and rank them by the loss of gross output')
      .option('--demand <file>', 'final demand per product (YAML/JSON mapping or CSV item,amount); default: the model’s targets')
      .option('--period <id>', 'period whose targets make the final demand; default the first')
      .option('--tolerance <x>', 'relative residual of the iterative solves', '1e-12')
      .option('--max-iterations <n>', 'iterations each iterative solve may take', '5000')
      .addOption(encodingOption()),
  ).action((model: string, flags: ExtractFlags & FormatFlags) => runCommand(flags, () => extractCommand(model, flags)));

  formats(
    program
      .command('decompose')
      .argument('<first>', 'the first model file (the earlier year, or the base of a scenario)')
      .argument('<second>', 'the second model file, of the same classification (may be the first, with --second-period)')
      .description('structural decomposition of the change from one model to another: intensity, technology, level, destination, mix (docs/analysis.md)')
      .option('--resource <ids>', 'the resources to decompose besides gross output, separated by commas (default: every resource)')
      .option('--first-period <id>', 'period of the first model whose targets make the final demand; default its first')
      .option('--second-period <id>', 'period of the second model; default its first')
      .option('--tolerance <x>', 'relative residual of the iterative solves', '1e-12')
      .option('--max-iterations <n>', 'iterations each iterative solve may take', '5000')
      .addOption(encodingOption()),
  ).action((first: string, second: string, flags: DecomposeFlags & FormatFlags) => runCommand(flags, () => decomposeCommand(first, second, flags)));

  formats(
    program
      .command('regionalise')
      .argument('<model>', 'the national model file (YAML, JSON or .parquet)')
      .description('a regional model from a national one by location quotients (SLQ, CILQ, FLQ), with a report of how the coefficients changed (docs/analysis.md)')
      .requiredOption('--regional <file>', 'CSV sector,regional[,national]: the region’s output or employment by sector (docs/analysis.md)')
      .requiredOption('--method <lq>', 'slq | cilq | flq')
      .option('--delta <x>', 'flq: δ, at least 0 and below 1 (default 0.3)')
      .option('--measure <what>', 'what the regional values measure where the file has no national column: output (default) or a resource id (e.g. employment)')
      .option('--name <name>', 'name of the regional model')
      .requiredOption('-o, --output <model>', 'model file to write (.yaml, .json or .parquet); not an input, its folder must exist')
      .option('--tolerance <x>', 'relative residual of the iterative solves', '1e-12')
      .option('--max-iterations <n>', 'iterations each iterative solve may take', '5000')
      .addOption(encodingOption()),
  ).action((model: string, flags: RegionaliseFlags & FormatFlags) => runCommand(flags, () => regionaliseCommand(model, flags)));

  formats(
    program
      .command('series')
      .argument('<paths...>', 'model files of one classification, or a folder of them; the year from the model’s period or the file name (docs/analysis.md)')
      .description('a series of tables: the analysis of each year, the measures over the years, the decomposition between consecutive years')
      .option('--multipliers', 'output multipliers of every item, per year')
      .option('--footprints', 'footprints by region of final demand, per year')
      .option('--linkages', 'backward and forward linkages, per year (in the JSON)')
      .option('--labour-values', 'labour values, per year (in the JSON)')
      .option('--labour <id>', 'the resource that is labour')
      .option('--income <id>', 'income multipliers of this resource row, per year (in the JSON)')
      .option('--decompose', 'the structural decomposition between consecutive years')
      .option('--resource <ids>', 'with --decompose: the resources to decompose besides gross output (default every resource)')
      .option('--tolerance <x>', 'relative residual of the iterative solves', '1e-12')
      .option('--max-iterations <n>', 'iterations each iterative solve may take', '5000')
      .addOption(encodingOption()),
  ).action((paths: string[], flags: SeriesFlags & FormatFlags) => runCommand(flags, () => seriesCommand(paths, flags)));

  formats(
    program
      .command('import')
      .argument('<kind>', 'table (CSV/TSV/xlsx symmetric input–output table) | pymrio (pymrio text folder) | eora26 (Eora26 zip or folder) | sut (supply and use tables) | gloria (GLORIA MRIO folder or zip) | bea (BEA make–use or supply–use workbooks) | oecd (OECD ICIO) | figaro (Eurostat FIGARO) | wiod (WIOD) | exiobase3 (EXIOBASE 3 download, zip or folder)')
      .argument('[path]', 'the table file or folder, or the publisher’s download, zip or folder (sut: --supply and --use instead; bea: the make or supply workbook, or the folder or zip holding them)')
      .description('import an input–output table as a model file (docs/import.md)')
      .requiredOption('-o, --output <model>', 'model file to write (.yaml, .json or .parquet); not an input, its folder must exist')
      .option('--mapping <file>', 'table only: mapping of rows and columns (docs/import.md)')
      .option('--region <id>', 'a single-region table (table, sut, bea): id of its one region (default domestic; bea: US; a WIOD national table: its country code); a multi-regional one: the region whose own table to import')
      .option('--supply <file>', 'sut: the supply table (products × industries; CSV/TSV or xlsx)')
      .option('--use <file>', 'sut: the use table (products × industries, final use, value added); bea: the use workbook, where BEA’s name does not find it')
      .option('--model <A|B|C|D>', 'sut, bea, gloria: A product technology, B industry technology (default), C fixed industry sales, D fixed product sales')
      .option('--year <year>', 'eora26, gloria, oecd, figaro, wiod, exiobase3: the year, where the download (or folder of downloads) holds several; bea: the year’s sheet (default the latest)')
      .option('--level <summary|detail|sector>', 'bea: which tables of a folder or zip (default summary)')
      .option('--version <version>', 'gloria: the version (e.g. 59), where the folder holds several')
      .option('--markup <basic|purchaser>', 'gloria: basic prices (Markup001, default) or purchasers’ prices (Markup005)')
      .option('--negatives <report|almon>', 'sut, model A: refuse negatives, listing each (default), or resolve them by Almon’s procedure')
      .option('--unit <unit>', 'unit of the flows (default: the mapping’s or the folder’s, else money; oecd, wiod: USD million; figaro: EUR million); overrides a mapping’s, must agree with a pymrio folder’s')
      .option('--sea <file>', 'wiod: the socio-economic accounts workbook (WIOD SEA), if not in the download')
      .option('--name <name>', 'name of the economy')
      .option('--prices <basis>', 'eora26: bp (basic prices, the default) | pp (purchasers’ prices)')
      .option('--priority <n>', 'priority tier of the final-demand targets', '1')
      .option('--decimal <mark>', 'table only: decimal mark of the numbers, . or , (with , the thousands separator is . or a blank)')
      .option('--thousands <sep>', "table only: thousands separator of the numbers: , . ' space none")
      .option('--separator <sep>', 'table only: field separator of a text table: , ; tab (default: detected)')
      .option('--sheet <name>', 'table only: the sheet of an xlsx workbook (default: the first with a row of numbers)')
      .addOption(encodingOption()),
  ).action((kind: string, path: string | undefined, flags: ImportFlags & FormatFlags) => runCommand(flags, () => importCommand(kind, path, flags)));

  formats(
    program
      .command('aggregate')
      .argument('<model>', 'model file (YAML or JSON): an input–output model, as importers write them')
      .description('aggregate regions and sectors over maps (CSV from-code,to-code[,weight]) and write the aggregate model (docs/aggregate.md)')
      .requiredOption('-o, --output <model>', 'model file to write (.yaml or .json); not an input, its folder must exist')
      .option('--regions <map>', 'region map: CSV from-code,to-code[,weight]')
      .option('--sectors <map>', 'sector map: CSV from-code,to-code[,weight]')
      .option('--name <name>', 'name of the aggregate (default the model’s)')
      .addOption(encodingOption()),
  ).action((model: string, flags: AggregateFlags & FormatFlags) => runCommand(flags, () => aggregateCommand(model, flags)));

  formats(
    program
      .command('convert')
      .argument('<model>', 'model file (YAML, JSON, .parquet or a binary model folder)')
      .description('write a model in another format: YAML, JSON or the binary .parquet format for big models (docs/binary-format.md)')
      .requiredOption('-o, --output <file>', 'file to write: .parquet (binary), a path ending in / (binary folder, version 2), .json, else YAML; not the input, its folder must exist')
      .addOption(encodingOption()),
  ).action((model: string, flags: ConvertFlags & FormatFlags) => runCommand(flags, () => convertCommand(model, flags)));

  formats(
    program
      .command('plan')
      .argument('<model>', 'model file (YAML, JSON or .parquet)')
      .description('the optimal plan: activity levels that fulfil the targets as far as resources allow, with valuations and bottlenecks')
      .option('--objective <kind>', 'maxmin | weighted | harmony | mincost (docs/optimize.md)', 'maxmin')
      .option('--solver <name>', 'auto | highs | pdhg', 'auto')
      .option('--gap <x>', 'relative optimality gap (first-order solvers)')
      .option('--time-limit <s>', 'seconds for the whole plan')
      .option('--resource <id>', 'mincost: the resource to use least (default labour)')
      .option('--cap <x>', 'maxmin: largest fulfilment ratio credited per tier, or none (default: 1 for all tiers but the last)')
      .option('--periods <how>', 'maxmin: leximin (default: each period of a tier raised as far as it goes) | common (one level per tier, one LP per tier)')
      .option('--period <id>', 'period shown in the valuation and technique tables, and the one written by --write-plan')
      .option('--top <n>', 'rows per table', '10')
      .option('--write-plan <file>', 'write the plan as a plan file (one per period, FILE-PERIOD.yaml, unless --period)')
      .option('--mip-gap <g>', 'whole plants: relative gap at which branch and bound stops as optimal (default 1e-4)')
      .option('--relax-integers', 'whole plants: solve the LP relaxation instead (fractions of plants allowed; said in the output)')
      .addOption(encodingOption()),
  ).action((model: string, flags: PlanFlags & FormatFlags) => runCommand(flags, () => planCommand(model, flags)));

  program
    .command('serve')
    .description('the planning service: HTTP API under /api (docs/api.md) and the dashboard at /')
    .option('--port <n>', 'port (0: any free port); default PLENTY_PORT or 8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--data <dir>', 'data folder holding the store; default PLENTY_DATA or ./data')
    .option('--store <where>', 'the store: a data folder (SQLite) or a postgres:// URL; default --data, else PLENTY_STORE, else PLENTY_DATA or ./data')
    .option('--fresh', 'delete the store first and start from an empty one (with the built-in examples)')
    .option('--open', 'give the planner token to the dashboard on this machine (GET /api/session from loopback only)')
    .option('--sync <level>', 'SQLite synchronous level: full (default) | normal (docs/api.md)')
    .option('--log-level <level>', 'least level logged on stderr: error (default: every 5xx with its request id) | warn | info (every request) | debug | silent')
    .option('--workers <n>', 'PostgreSQL store: solve jobs this process runs at once as a worker of its own (default 1; 0: only `plenty worker` processes run them)')
    .action((flags: ServeFlags) =>
      serveCommand(flags).catch((err: unknown) => {
        process.exitCode = reportError(err);
      }),
    );

  program
    .command('worker')
    .description('a solve worker: runs the solves and re-plans of a PostgreSQL store, on any number of machines (docs/deploy.md)')
    .option('--store <url>', 'the store: a postgres:// URL; default PLENTY_STORE')
    .option('--concurrency <n>', 'jobs run at once', '1')
    .option('--lease-seconds <s>', 'how long a job is held without renewal: a worker that died is noticed this long after (2 to 3600)', '30')
    .action((flags: WorkerFlags) =>
      workerCommand(flags).catch((err: unknown) => {
        process.exitCode = reportError(err);
      }),
    );

  const store = program.command('store').description('check, back up and restore the service’s store (docs/cli.md)');
  const dataOption = (cmd: Command): Command => cmd.option('--data <dir>', 'data folder holding the store; default PLENTY_DATA or ./data');
  formats(dataOption(store.command('check').argument('[file]', 'a backup file to check instead of the store').description('SQLite’s integrity check and Plenty’s checks; exit 0 sound, 1 damaged'))).action(
    (file: string | undefined, flags: StoreFlags & FormatFlags) => runCommand(flags, () => storeCheckCommand(file, flags)),
  );
  formats(dataOption(store.command('backup').description('copy the store into one file (SQLite’s online backup: safe while the service runs)').requiredOption('-o, --output <file>', 'the backup file to write'))).action(
    (flags: StoreBackupFlags & FormatFlags) => runCommand(flags, () => storeBackupCommand(flags)),
  );
  formats(dataOption(store.command('restore').argument('<file>', 'the backup file').description('replace the store with a checked backup (stop the service first)'))).action(
    (file: string, flags: StoreFlags & FormatFlags) => runCommand(flags, () => storeRestoreCommand(file, flags)),
  );

  const lp = program.command('lp').description('linear programs from files: solve an MPS or CPLEX LP file');
  formats(
    lp
      .command('solve')
      .argument('<file>', 'linear program: .mps (free or fixed) or .lp (CPLEX LP format), optionally .gz')
      .description('solve a linear program and print status, objective, iterations, residuals and time')
      .option('--solver <solver>', 'auto | highs | pdhg (auto: HiGHS up to about 15 million non-zeros, PDHG above)', 'auto')
      .option('--method <method>', 'HiGHS method: simplex | ipm | pdlp (default: simplex for small LPs, ipm above 200 000 non-zeros)')
      .option('--gap <x>', 'requested relative gap and residuals for first-order methods', '1e-6')
      .option('--time-limit <s>', 'stop after this many seconds')
      .option('--all', 'also list every variable and constraint with its value and dual'),
  ).action((file: string, flags: LpSolveFlags & FormatFlags) => runCommand(flags, () => lpSolveCommand(file, flags)));

  formats(
    program
      .command('paths')
      .argument('<model>', 'model file (YAML, JSON or .parquet)')
      .description('structural path analysis: the largest supply chains behind a footprint or a multiplier')
      .option('--resource <id>', 'the resource (stressor) whose footprint the paths decompose; default: gross output')
      .option('--region <id>', 'the final demand of this region (its targets)')
      .option('--product <id>', 'one unit of final demand for this product (the paths of its multiplier)')
      .option('--demand <file>', 'final demand per product (YAML/JSON mapping or CSV item,amount)')
      .option('--period <id>', 'period whose targets make the final demand; default the first')
      .option('--top <n>', 'how many paths to list, largest first', '100')
      .option('--depth <n>', 'most steps up the supply chain (0: the final demand’s own product)', '6')
      .option('--threshold <share>', 'leave out paths below this share of the total', '0')
      .option('--tolerance <x>', 'relative residual of the iterative solve', '1e-12')
      .option('--max-iterations <n>', 'iterations the solve may take', '5000')
      .addOption(encodingOption()),
  ).action((model: string, flags: PathsFlags & FormatFlags) => runCommand(flags, () => pathsCommand(model, flags)));

  formats(
    program
      .command('uncertainty')
      .argument('<model>', 'model file (YAML, JSON or .parquet)')
      .description('Monte Carlo over the coefficients: every footprint and multiplier with mean, median and 95% interval')
      .option('--rsd <x>', 'relative standard deviation of every coefficient (e.g. 0.1)')
      .option('--demand-rsd <x>', 'relative standard deviation of every final-demand entry', '0')
      .option('--extension-rsd <x>', 'relative standard deviation of every resource coefficient', '0')
      .option('--distribution <name>', 'lognormal | normal (normal is cut at 0)', 'lognormal')
      .option('--draws <n>', 'number of draws (default 1000, or the table of draws’ count)')
      .option('--seed <n>', 'seed of the random draws (the same seed gives the same result)', '1')
      .option('--draws-table <file>', 'CSV draw,row,column,value: drawn coefficients replacing the random ones (docs/analysis.md)')
      .option('--demand <file>', 'final demand per product in place of the model’s final use by region')
      .option('--period <id>', 'period whose targets make the final demand; default the first')
      .option('--tolerance <x>', 'relative residual of the iterative solves (default 1e-12 for the deterministic multipliers; for the draws the spread / (1000 √draws), between 1e-10 and 1e-6)')
      .option('--max-iterations <n>', 'iterations each solve may take', '5000')
      .addOption(encodingOption()),
  ).action((model: string, flags: UncertaintyFlags & FormatFlags) => runCommand(flags, () => uncertaintyCommand(model, flags)));

  return program;
}
