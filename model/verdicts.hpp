#pragma once
/// A ward's label and the verdict on each claimed seat: internal to model/compare.cpp.
#include <string>
#include <vector>

#include "model/compare.hpp"

namespace notional::model {

/// "LAB 2 gains from CON; LD gain from CON (notional)" or "CON and LAB hold".
[[nodiscard]] std::string label_of(const WardComparison& ward);

/// Per claimed seat k (the party's k-th seat in the ward) a verdict across the variants;
/// every one UNCERTAIN where the notional is a `knife_edge`.
void judge(PartyComparison& party, const BaseParty* base, const std::vector<std::string>& variants,
           bool knife_edge);

}  // namespace notional::model
