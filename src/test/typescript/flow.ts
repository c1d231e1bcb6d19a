// A case worker's first steps, written as a frontend would against the client generated from
// openapi/openapi.yaml. It is type-checked, not run: a change of the contract that breaks this flow
// (a renamed path, field or enum value, a field that became required) fails the build.
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/api";

type Alert = components["schemas"]["Alert"];

export async function firstStepsOfAnAsylumApplication(baseUrl: string, token: string): Promise<Alert[]> {
  const api = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });

  // 1. Enter the client.
  const client = await api.POST("/api/v1/clients", {
    body: {
      firstName: "Amina",
      lastName: "Haddad",
      aNumber: "A123-456-789",
      identityDocuments: ["PASSPORT"],
      mailingAddress: { line1: "123 Main St", city: "Newark", state: "NJ", postalCode: "07102" },
    },
    headers: { "Idempotency-Key": "intake-0001" },
  });
  const clientId = client.data?.id;
  if (clientId === undefined) {
    throw new Error(`client not created: ${client.error?.detail ?? "no answer"}`);
  }

  // 2. Open the asylum application, filed with USCIS by mail.
  const filing = await api.POST("/api/v1/filings", {
    body: { clientId, venue: "USCIS", channel: "MAIL", filedOn: "2026-01-05" },
  });
  const filingId = filing.data?.id;
  if (filingId === undefined) {
    throw new Error(`filing not opened: ${filing.error?.errors?.map((e) => e.field).join(", ") ?? "no answer"}`);
  }

  // 3. The receipt notice arrived.
  const recorded = await api.POST("/api/v1/filings/{id}/events", {
    params: { path: { id: filingId } },
    body: { type: "RECEIPT_RECEIVED", occurredOn: "2026-02-02", receiptNumber: "IOE0912345678" },
  });
  if (recorded.error) {
    throw new Error(`event refused: ${recorded.error.detail ?? recorded.error.title}`);
  }
  const stage: components["schemas"]["Stage"] | undefined = recorded.data?.stage;
  console.log(`filing ${filingId} is now ${stage ?? "unknown"}`);

  // 4. What needs doing by the start of June?
  const alerts = await api.GET("/api/v1/filings/{id}/alerts", {
    params: { path: { id: filingId }, query: { asOf: "2026-06-01" } },
  });
  return alerts.data?.items ?? [];
}
