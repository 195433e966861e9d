/**
 * IndexedDB for Node: fake-indexeddb, handed to Dexie explicitly (Dexie reads its globals when it is
 * first loaded, which may be before this module ran). Import this before opening a database.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { Dexie } from 'dexie';

Object.assign(globalThis, { indexedDB, IDBKeyRange });
Dexie.dependencies.indexedDB = indexedDB;
Dexie.dependencies.IDBKeyRange = IDBKeyRange;
