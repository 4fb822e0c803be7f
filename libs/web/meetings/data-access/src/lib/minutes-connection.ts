import { Injectable } from '@angular/core';
import { LiveDocumentConnection, type CollabSocket, type LiveJoinAnswer } from '@alliances/web/charter/data-access';
import type { MinutesClientToServerEvents } from '@alliances/shared/contracts';

/** The same `/collab` socket, seen with the minutes' own join and leave events. */
interface MinutesSocket {
  emit<E extends keyof MinutesClientToServerEvents>(event: E, ...args: Parameters<MinutesClientToServerEvents[E]>): unknown;
}
const minutesSocket = (socket: CollabSocket) => socket as unknown as MinutesSocket;

/** A meeting's minutes, written live: one XmlFragment (`minutes`), joined with `minutes:join {meetingId}`. */
@Injectable()
export class MinutesConnection extends LiveDocumentConnection {
  connect(meetingId: string, user: { id: string; name: string }): void {
    this.open(
      {
        join: (socket, ack: (answer: LiveJoinAnswer) => void) => minutesSocket(socket).emit('minutes:join', { meetingId }, ack),
        leave: (socket) => minutesSocket(socket).emit('minutes:leave', { meetingId }),
      },
      user,
    );
  }
}
