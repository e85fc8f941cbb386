import { IsUUID } from 'class-validator';

/**
 * Every RPC that touches tenant data names the organization and the admin acting, taken by the
 * gateway from the verified access token, never from the request body.
 */
export class TenantScope {
  @IsUUID('4')
  organizationId: string;

  @IsUUID('4')
  adminId: string;
}
