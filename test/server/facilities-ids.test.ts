import { facilityIdFor, uuidV5 } from '../../server/facilities/ids'

describe('facility ids', () => {
  it('are RFC 9562 version-5 UUIDs: uuid5(NAMESPACE_DNS, "python.org") as Python gives it', () => {
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d')
  })

  it('keep the ids facilities already have in the database', () => {
    expect(facilityIdFor('sample-canteen-1')).toBe('e3680a98-110e-5277-a63b-d02523798060')
    expect(facilityIdFor('太原-食堂-7')).toBe('991997fe-ba59-5552-948f-524e3de0076f')
    expect(facilityIdFor('sample-canteen-2')).not.toBe(facilityIdFor('sample-canteen-1'))
  })
})
