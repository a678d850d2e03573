import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { createElement, type ReactNode } from "react";
import { currentUser, type SessionUser } from "./guards";
import { PATH_HEADER } from "./page-path";
import { nulField, nulMessage } from "./request-checks";
import { hasRole, type Role } from "./roles";

export type SearchParams = Record<string, string | string[] | undefined>;
type PageProps = { params: Promise<Record<string, string | string[] | undefined>>; searchParams: Promise<SearchParams> };
type PageArgs<P, S> = { user: SessionUser; params: P; searchParams: S };

/** A page built by page(): it also says which role it needs, so tests can check every one. */
export type GuardedPage = ((props: PageProps) => Promise<ReactNode>) & { requiredRole: Role };


/**
 * The one way to write a page under app/(app): the session and role are checked before `render`
 * runs, so nothing it fetches can stream into a redirect (Next renders layouts and pages in
 * parallel, so a layout's check is no check). A NUL in a parameter is refused by name.
 *
 *   export default page({ role: "manager" }, async ({ user, params, searchParams }) => ...);
 */
export function page<P = Record<string, string>, S = SearchParams>(
  access: { role: Role },
  render: (args: PageArgs<P, S>) => ReactNode | Promise<ReactNode>,
): GuardedPage {
  const guarded = async (props: PageProps): Promise<ReactNode> => {
    const user = await currentUser();
    if (!user) {
      const from = (await headers()).get(PATH_HEADER);
      redirect(from ? `/sign-in?next=${encodeURIComponent(from)}` : "/sign-in");
    }
    if (!hasRole(user.role, access.role)) redirect(`/forbidden?need=${access.role}`);
    const [params, searchParams] = await Promise.all([props.params ?? {}, props.searchParams ?? {}]);
    // proxy.ts answers 400 for these first; this is for any request that reaches a page without it
    const nul = nulField(searchParams) ?? nulField(params);
    if (nul !== null) return createElement("p", { role: "alert", className: "text-sm text-red-700" }, nulMessage(nul, "parameter"));
    return render({ user, params: params as P, searchParams: searchParams as S });
  };
  return Object.assign(guarded, { requiredRole: access.role });
}
