// A small messy CSV for the cleaning specs: stray and doubled whitespace, case variants of one
// city, N/A and "-" for missing values, an exact duplicate row, numbers with thousands commas,
// an upper-case e-mail; and what cleaning it should give.
export const MESSY_CSV = [
  'id,name,city,amount,email,status',
  '1,  Ada Lovelace ,london,"1,234.50",ADA@Example.org ,active',
  '2,Alan   Turing,London,12.5,alan@example.org,Active',
  '3,Grace Hopper,LONDON,N/A,grace@example.org,ACTIVE',
  '4,Edsger Dijkstra,Nuenen,-,edsger@example.org,inactive',
  '2,Alan   Turing,London,12.5,alan@example.org,Active',
  '6,Barbara Liskov,Boston,"2,000",barbara@example.org,N/A',
  '7,Ken Thompson,boston ,7.25,ken@example.org,Inactive',
  '8,Frances Allen,Bostn,"3,500.75",frances@example.org,active',
  '',
].join('\n');

/**
 * The standard preset, then city aliases (london/LONDON → London, boston/Bostn → Boston) and
 * lower-case status: row 5 (a copy of row 2) goes, missing tokens become empty fields.
 */
export const CLEANED_CSV = [
  'id,name,city,amount,email,status',
  '1,Ada Lovelace,London,1234.50,ada@example.org,active',
  '2,Alan Turing,London,12.5,alan@example.org,active',
  '3,Grace Hopper,London,,grace@example.org,active',
  '4,Edsger Dijkstra,Nuenen,,edsger@example.org,inactive',
  '6,Barbara Liskov,Boston,2000,barbara@example.org,',
  '7,Ken Thompson,Boston,7.25,ken@example.org,inactive',
  '8,Frances Allen,Boston,3500.75,frances@example.org,active',
];
