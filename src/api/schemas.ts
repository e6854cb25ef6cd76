import { Type } from 'typebox';

/** RFC 9457 problem details as Lentera sends them (see src/web/errors.tsx). */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    detail_id: Type.String({ description: 'the detail in Indonesian' }),
    detail_en: Type.String({ description: 'the detail in English' }),
    instance: Type.String(),
    errors: Type.Array(Type.Object({ field: Type.String(), message: Type.String(), message_id: Type.String(), message_en: Type.String() })),
  },
  { description: 'RFC 9457 problem details' },
);
