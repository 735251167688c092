-- Decisions have a kind (shared/API.md "Decisions"): {payment: "monthly", amountFen, startMonth} or
-- {payment: "one_off", amountFen}. Decisions stored before were all written as monthly
-- ({monthlyAmountFen, startMonth}); those of the one-off benefits (src/domain/claims/decisions.ts:
-- ONE_OFF_BENEFITS) become one-off, and their timeline note stops calling the amount monthly.
UPDATE claim_events e SET
  details = jsonb_set(e.details, '{decision}',
    CASE WHEN c.benefit IN ('home_modification_subsidy', 'dream_scholarship', 'temporary_assistance')
      THEN jsonb_build_object('payment', 'one_off', 'amountFen', e.details -> 'decision' -> 'monthlyAmountFen')
      ELSE jsonb_build_object('payment', 'monthly', 'amountFen', e.details -> 'decision' -> 'monthlyAmountFen', 'startMonth', e.details -> 'decision' -> 'startMonth')
    END),
  note = CASE WHEN c.benefit IN ('home_modification_subsidy', 'dream_scholarship', 'temporary_assistance')
    THEN regexp_replace(e.note, '^已批准，每月 ([0-9.]+) 元，自 [^。]*起发放。', '已批准，一次性发放 \1 元。')
    ELSE e.note
  END
FROM claims c
WHERE c.id = e.claim_id AND e.details ? 'decision' AND NOT (e.details -> 'decision' ? 'payment');
