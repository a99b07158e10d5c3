/** `kehu warehouse ...`: to be written (imports of locations, items and stock from CSV). */
import type { Command } from 'commander';

/** Adds `kehu warehouse` to the program. */
export function registerWarehouseCommands(program: Command): void {
  program.command('warehouse').description('warehouse: locations, items and stock');
}
