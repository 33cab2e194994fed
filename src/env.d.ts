/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by the back-office guard (src/middleware.ts) on back-office paths only. */
    principal?: import('~/accounts/access-rules').Principal;
  }
}
