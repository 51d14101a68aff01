import type { Command } from '../command';
import type { BotServices } from '../services';
import { awayCommand } from './away';
import { peopleCommand } from './people';
import { helpCommand } from './help';
import { mineCommand, pendingCommand, searchCommand } from './lists';
import { newCommand } from './new';
import { notifyHereCommand } from './notify-here';
import { showCommand } from './show';
import { reportCommand } from './report';
import { exportCommand } from './export';
import { spotCheckCommand } from './spot-check';

/** Every chat command PlanDesk understands, in both languages (the manifest's command lists name the same). */
export const planCommands = (services: BotServices): Command[] => [
  newCommand(services),
  mineCommand(services),
  pendingCommand(services),
  searchCommand(services),
  showCommand(services),
  notifyHereCommand(services),
  spotCheckCommand(services),
  awayCommand(services),
  peopleCommand(services),
  reportCommand(services),
  exportCommand(services),
  helpCommand,
];
