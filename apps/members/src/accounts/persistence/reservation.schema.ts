import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * An email address held by one batch row, and by the member created from it (whose id is the
 * row's). Reserving is a unique insert, the only write FerretDB does at the same cost however many
 * members exist: validation never reads `accounts` to find out whether an address is in use.
 */
@Schema({ collection: 'email_reservations', versionKey: false })
export class EmailReservation {
  /** The normalized address. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  organizationId: string;

  @Prop({ required: true })
  batchId: string;

  /** The row holding it, which is also the id of the member it creates. */
  @Prop({ required: true })
  rowId: string;

  /** The holding row's line, to tell a later line of the same batch where the address first appears. */
  @Prop({ required: true })
  line: number;

  @Prop({ required: true })
  reservedAt: Date;
}

export const EmailReservationSchema = SchemaFactory.createForClass(EmailReservation);

/** An account name held by one batch row, and by the member created from it; like EmailReservation. */
@Schema({ collection: 'account_name_reservations', versionKey: false })
export class AccountNameReservation {
  /** The account name. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  batchId: string;

  @Prop({ required: true })
  rowId: string;

  @Prop({ required: true })
  reservedAt: Date;

  /** The name of a deleted account: held for no row, until then, and given to no one before. */
  @Prop({ type: Date })
  heldUntil?: Date;
}

export const AccountNameReservationSchema = SchemaFactory.createForClass(AccountNameReservation);
