/** Message patterns the members service answers over RabbitMQ (request/response). */
export const MembersRpc = {
  Ping: 'members.ping',
} as const;

export interface PingReply {
  service: 'members';
  role: string;
  time: string;
}
