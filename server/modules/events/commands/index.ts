import type { EventAction } from '../../../../core/events/workflow';
import type { Command } from '../runner';
import { accept } from './accept';
import { approveExtension } from './approve-extension';
import { askExtension } from './ask-extension';
import { close } from './close';
import { complete } from './complete';
import { dispatch } from './dispatch';
import { escalate } from './escalate';
import { feedback } from './feedback';
import { handle } from './handle';
import { merge } from './merge';
import { rate } from './rate';
import { refuse } from './refuse';
import { refuseExtension } from './refuse-extension';
import { restore } from './restore';
import { rework } from './rework';
import { sendBack } from './send-back';
import { shelve } from './shelve';
import { verify } from './verify';
import { voidEvent } from './void';

/** One command per action of the loop; a missing one fails `tsc`. */
export const COMMANDS: Record<EventAction, Command> = {
  accept,
  void: voidEvent,
  handle,
  escalate,
  send_back: sendBack,
  dispatch,
  refuse,
  feedback,
  complete,
  ask_extension: askExtension,
  approve_extension: approveExtension,
  refuse_extension: refuseExtension,
  verify,
  rework,
  close,
  rate,
  shelve,
  restore,
  merge,
};
