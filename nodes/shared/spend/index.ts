/** Spend: money helpers (money.ts), prices and estimates (prices.ts), and Max Spend, the cap (cap.ts). */
export * from './cap';
export * from './money';
export * from './prices';
