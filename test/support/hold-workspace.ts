// A second process for workspace tests: opens (creating) the workspace given as argv[2] with the
// process name argv[3], prints "ready <pid>", and holds it until stdin closes or it is killed.
import { Workspace } from '../../src/main/engine/workspace/workspace';

const [dir, processName] = process.argv.slice(2);
if (!dir || !processName) {
  process.stderr.write('usage: hold-workspace DIR PROCESS_NAME\n');
  process.exit(2);
}
const ws = await Workspace.open(dir, { create: true, processName, actor: 'holder' });
process.stdout.write(`ready ${process.pid}\n`);
const release = () => {
  ws.close();
  process.exit(0);
};
process.stdin.on('end', release);
process.stdin.on('close', release);
process.stdin.resume();
process.on('SIGTERM', release);
