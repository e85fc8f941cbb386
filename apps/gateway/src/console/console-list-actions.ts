import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { errorCode } from '../activation/activation-answers';
import { ConsoleResponder } from './console-responder';
import type { ConsoleSession } from './session/console-session';
import { ConsoleSessions } from './session/console-session';
import { StaleForm } from './session/console-session.guard';

/** A form posted from a row of a console list: its CSRF token and the list as it was (filter, search, page). */
export interface ListActionForm {
  _csrf?: unknown;
  back?: unknown;
}

/** A console list whose rows have actions: where it lives, and the refusals that only mean its row changed meanwhile. */
export interface ConsoleList {
  path: string;
  changedMeanwhile: readonly string[];
}

/** Where an action's form comes back to: the list as it was, if `back` is that list's own address, else the list. */
export function backTo(list: ConsoleList, body: ListActionForm): string {
  const back = body.back;
  return typeof back === 'string' && (back === list.path || (back.startsWith(`${list.path}?`) && !/[\s\\]/.test(back))) ? back : list.path;
}

export function withQuery(back: string, parameters: Record<string, string>): string {
  return `${back}${back.includes('?') ? '&' : '?'}${new URLSearchParams(parameters).toString()}`;
}

/** The actions on a list's rows (suspend a member, cancel an invitation …): each comes back to the list saying what happened. */
@Injectable()
export class ConsoleListActions {
  constructor(
    private readonly sessions: ConsoleSessions,
    private readonly responder: ConsoleResponder,
  ) {}

  /**
   * Runs the action, which answers the account name it acted on, and comes back to the list with
   * `done` and that name, or with `done=changed` when the row changed meanwhile; any other refusal
   * (another organization's row is the console's 404) goes to the console's exception filter.
   * `Notice` names what the list's page has a message for: `run<MemberNotice>(…)`.
   */
  async run<Notice extends string>(list: ConsoleList, session: ConsoleSession, body: ListActionForm, response: Response, done: Notice, action: () => Promise<string>): Promise<void> {
    if (!this.sessions.formIsGenuine(session, body._csrf)) throw new StaleForm();
    const back = backTo(list, body);
    try {
      const accountName = await action();
      this.responder.redirect(response, withQuery(back, { done, name: accountName }));
    } catch (error) {
      const code = errorCode(error);
      if (code === undefined || !list.changedMeanwhile.includes(code)) throw error;
      this.responder.redirect(response, withQuery(back, { done: 'changed' }));
    }
  }
}
