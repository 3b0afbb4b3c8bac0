/// Unit tests of model/parties: party codes, the register, independents, aliases and unifying
/// the parties of two elections.
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "model/parties.hpp"
#include "support.hpp"

namespace notional::model {
namespace {

using test::contains;
using test::message_of;
using test::TempDir;

// --- parties ----------------------------------------------------------------------------------

TEST(Parties, ElectoralCommissionIdsGiveShortCodes) {
    EXPECT_EQ(classify_party("PP52", "Conservative and Unionist Party", "1").code, "CON");
    EXPECT_EQ(classify_party("PP53", "Labour Party", "2").code, "LAB");
    EXPECT_EQ(classify_party("PP90", "Liberal Democrats", "3").code, "LD");
    // The Commons Library's other register entries: PP51 (Conservatives, NI), PP84 (UKIP).
    EXPECT_EQ(classify_party("PP51", "Conservative", "4").code, "CON");
    EXPECT_EQ(classify_party("PP84", "UK Independence Party", "5").code, "UKIP");
    EXPECT_EQ(classify_party("PP63", "Green Party", "4").code, "GRN");
    EXPECT_EQ(classify_party("PP85", "UK Independence Party (UKIP)", "5").code, "UKIP");
    EXPECT_EQ(classify_party("PP7931", "Reform UK", "6").code, "REF");
    // The id decides, whatever the name says.
    EXPECT_EQ(classify_party("PP53", "Something Else", "7").code, "LAB");
    EXPECT_EQ(classify_party("PP53", "", "7").name, "Labour");
    EXPECT_EQ(classify_party("joint-party:53-119", "Labour and Co-operative Party", "8").code,
              "LAB");
}

TEST(Parties, NamesWithoutIdsGiveShortCodes) {
    EXPECT_EQ(classify_party("", "Labour and Co-operative Party", "a").code, "LAB");
    EXPECT_EQ(classify_party("", "The Conservative Party Candidate", "b").code, "CON");
    EXPECT_EQ(classify_party("", "Reform UK", "c").code, "REF");
    EXPECT_EQ(classify_party("", "The Brexit Party", "d").code, "REF");
    EXPECT_EQ(classify_party("", "Liberal Democrat", "e").code, "LD");
    EXPECT_EQ(classify_party("", "Green Party", "f").code, "GRN");
    EXPECT_EQ(classify_party("", "Green", "f").code, "GRN");
    EXPECT_EQ(classify_party("", "UK Independence Party", "g").code, "UKIP");
    EXPECT_EQ(classify_party("", "lab", "h").code, "LAB");  // a short code as the name
    const Party party = classify_party("", "The Conservative Party Candidate", "b");
    EXPECT_EQ(party.name, "Conservative");
}

TEST(Parties, EveryIndependentIsAPartyOfTheirOwn) {
    const Party a = classify_party("ynmp-party:2", "Independent", "12345");
    EXPECT_EQ(a.code, "IND-12345");
    EXPECT_EQ(a.name, "Independent");
    const Party b = classify_party("", "Independent", "Ann Smith");
    EXPECT_EQ(b.code, "IND-ann-smith");
    const Party c = classify_party("ynmp-party:2", "", "67890");
    EXPECT_EQ(c.code, "IND-67890");
    EXPECT_NE(a.code, c.code);
    EXPECT_TRUE(is_independent(a.code));
    EXPECT_TRUE(is_independent(b.code));
    EXPECT_FALSE(is_independent("LAB"));
    EXPECT_FALSE(is_independent("IND"));
}

TEST(Parties, PartiesOutsideTheRegisterAreCodedByTheirName) {
    // PP2755 is the Women's Equality Party's id; an id outside the register leaves the code to
    // the name, so a file with ids and one without agree.
    const Party with_id = classify_party("PP207", "Hornchurch Residents Association", "1");
    EXPECT_EQ(with_id.code, "HORNCHURCH-RESIDENTS-ASSOCIATION");
    EXPECT_EQ(with_id.name, "Hornchurch Residents Association");
    EXPECT_EQ(with_id.origin, PartyOrigin::named);
    EXPECT_EQ(classify_party("", "Hornchurch Residents Association", "1").code, with_id.code);
    EXPECT_EQ(classify_party("", "Chislehurst Matters", "1").code, "CHISLEHURST-MATTERS");
    EXPECT_EQ(classify_party("", "", "1").code, "UNNAMED");
    EXPECT_EQ(classify_party("PP6713", "", "1").code, "PP6713");  // an id and no name at all
}

TEST(Parties, AnIdOutsideTheRegisterIsNotReadIntoARegisterPartysName) {
    // Both stood in the 2018 Democracy Club file; neither is Labour.
    EXPECT_EQ(classify_party("PP73", "Socialist Labour Party", "1").code, "SOCIALIST-LABOUR-PARTY");
    EXPECT_EQ(classify_party("", "Socialist Labour Party", "1").code, "SOCIALIST-LABOUR-PARTY");
    EXPECT_EQ(classify_party("PP55", "SDLP (Social Democratic & Labour Party)", "2").code, "SDLP");
    EXPECT_EQ(classify_party("", "Alliance For Green Socialism", "2").code,
              "ALLIANCE-FOR-GREEN-SOCIALISM");
    EXPECT_EQ(classify_party("", "Christian Peoples Alliance", "2").code, "CPA");
    EXPECT_EQ(classify_party("", "Harlow Alliance Party", "2").code, "HARLOW-ALLIANCE-PARTY");
    EXPECT_EQ(classify_party("", "Lewisham People Before Profit", "2").code,
              "LEWISHAM-PEOPLE-BEFORE-PROFIT");
    EXPECT_EQ(classify_party("", "Labour Party", "3").code, "LAB");
}

TEST(Parties, TheRegisterKnowsTheSpellingsOfThePublishedFiles) {
    // Every spelling below is in the GLA's 2022 file, typing errors included, or in Democracy
    // Club's 2018 file.
    const std::vector<std::pair<std::string, std::string>> spellings{
        {"Conservative Party Candidate", "CON"},
        {"Local Conservatives", "CON"},
        {"The Conservative Candidate", "CON"},
        {"Coservative", "CON"},
        {"Conservatives", "CON"},
        {"Labour Party Candiate", "LAB"},
        {"Labour and Co - Operative Party", "LAB"},
        {"Labour & Co-op", "LAB"},
        {"The Labour Party Candidate", "LAB"},
        {"Liberal Deomcrat", "LD"},
        {"Liberal Domocrats", "LD"},
        {"Lib Dems", "LD"},
        {"Green Partry", "GRN"},
        {"Green Party Second Choice Candidate", "GRN"},
        {"The Green Party candidate", "GRN"},
        {"ReformUK - Changing Politics for Good", "REF"},
        {"ReformUK", "REF"},
        {"UK Independence Party (UKIP)", "UKIP"},
        {"Trade Unionist & Socialist Coalition", "TUSC"},
        {"TUSC", "TUSC"},
        {"Trade Union and Socialist Party", "TUSC"},
        {"Women`s Equality Party", "WEP"},
        {"Womens", "WEP"},
        {"Christians People Alliance", "CPA"},
        {"Monster Raving Loony Party", "MRLP"},
        {"Official Monster Raving Loony Party", "MRLP"},
        {"Democratic Unionist Party - D.U.P.", "DUP"},
        {"Sinn F\xC3\xA9in", "SF"},
        {"Sinn Fein", "SF"},
        {"Ulster Unionist Party", "UUP"},
        {"Alliance - Alliance Party of Northern Ireland", "APNI"},
        {"Scottish National Party (SNP)", "SNP"},
        {"Plaid Cymru - The Party of Wales", "PC"},
        {"The Liberal Party", "LIB"},
        {"Workers Party of Britain", "WPB"},
    };
    for (const auto& [name, code] : spellings) {
        EXPECT_EQ(classify_party("", name, "x").code, code) << name;
    }
    // House of Commons Library abbreviations.
    for (const auto& [abbreviation, code] :
         std::vector<std::pair<std::string, std::string>>{{"Con", "CON"},
                                                          {"Lab", "LAB"},
                                                          {"LD", "LD"},
                                                          {"Green", "GRN"},
                                                          {"BRX", "REF"},
                                                          {"RUK", "REF"},
                                                          {"SNP", "SNP"},
                                                          {"PC", "PC"},
                                                          {"SF", "SF"},
                                                          {"Spk", "SPK"}}) {
        EXPECT_EQ(classify_party("", abbreviation, "x").code, code) << abbreviation;
    }
    EXPECT_EQ(classify_party("ynmp-party:12522", "Speaker seeking re-election", "x").code, "SPK");
}

TEST(Parties, OnlyIndependentsAreIndependent) {
    EXPECT_EQ(classify_party("", "Indipendent", "Ann Lee").code, "IND-ann-lee");
    EXPECT_EQ(classify_party("", "Non-party independent", "Ann Lee").code, "IND-ann-lee");
    // Registered parties whose names start with the word.
    EXPECT_EQ(classify_party("", "Independent Network", "x").code, "INDEPENDENT-NETWORK");
    EXPECT_EQ(classify_party("PP1951", "Independent Network", "x").code, "INDEPENDENT-NETWORK");
    EXPECT_EQ(classify_party("", "UK Independence Party", "x").code, "UKIP");
}

TEST(Parties, PartyKeyDropsTheWordsThatVary) {
    EXPECT_EQ(party_key("The Plumstead Party"), "plumstead");
    EXPECT_EQ(party_key("Plumstead party"), "plumstead");
    EXPECT_EQ(party_key("Rainham Resident's Association"), "rainham residents association");
    EXPECT_EQ(party_key("Women`s Equality Party"), party_key("Women's Equality Party"));
}

PartyTable table(const std::string& label,
                 const std::vector<std::pair<std::string, std::string>>& parties) {
    PartyTable t;
    t.label = label;
    for (const auto& [code, name] : parties) {
        t.names[code] = name;
        t.spellings[code].insert(name);
    }
    return t;
}

const PartyIdentity* identity(const PartyUnification& u, const std::string& code) {
    for (const auto& party : u.parties) {
        if (party.code == code) return &party;
    }
    return nullptr;
}

TEST(Parties, UnifyGivesTheOldElectionsCodeToTheSameParty) {
    // Havering, 2018 (Democracy Club) and 2022 (GLA).
    const auto old =
        table("old", {{"CON", "Conservative"},
                      {"HAVERING-RESIDENTS-ASSOCIATION", "Havering Residents Association"},
                      {"UPMINSTER-AND-CRANHAM-RESIDENTS-ASSOCIATION",
                       "Upminster and Cranham Residents Association"},
                      {"THE-PLUMSTEAD-PARTY", "The Plumstead Party"},
                      {"RAINHAM-RESIDENTS-ASSOCIATION", "Rainham Resident's Association"},
                      {"IND-1", "Independent"}});
    const auto actual = table("actual", {{"CON", "Conservative"},
                                         {"HAVERING-RESIDENTS-ASSOCIATION-HAROLD-WOOD",
                                          "Havering Residents Association - Harold Wood"},
                                         {"HAVERING-RESIDENTS-ASSOCIATION-ST-EDWARDS",
                                          "Havering Residents Association - St Edward`s"},
                                         {"UPMINSTER-AND-CRANHAM-RESIDENTS-ASSOCIATION",
                                          "Upminster & Cranham Residents Association"},
                                         {"PLUMSTEAD-PARTY", "Plumstead Party"},
                                         {"RAINHAM-INDEPENDENT-RESIDENTS-ASSOCIATION-BEAM-PARK",
                                          "Rainham Independent Residents Association (Beam Park)"},
                                         {"ASPIRE", "Aspire"},
                                         {"IND-ann", "Independent"}});
    const auto u = unify_parties({old, actual}, {});
    const auto& renames = u.renames[1];
    EXPECT_TRUE(u.renames[0].empty());
    EXPECT_EQ(renames.at("HAVERING-RESIDENTS-ASSOCIATION-HAROLD-WOOD"),
              "HAVERING-RESIDENTS-ASSOCIATION");
    EXPECT_EQ(renames.at("HAVERING-RESIDENTS-ASSOCIATION-ST-EDWARDS"),
              "HAVERING-RESIDENTS-ASSOCIATION");
    EXPECT_EQ(renames.at("PLUMSTEAD-PARTY"), "THE-PLUMSTEAD-PARTY");
    EXPECT_FALSE(renames.count("UPMINSTER-AND-CRANHAM-RESIDENTS-ASSOCIATION"));  // same code
    EXPECT_FALSE(renames.count("ASPIRE"));
    EXPECT_EQ(renames.size(), 3U);
    // Rainham's two groups are not joined without an alias: the names differ.
    EXPECT_FALSE(renames.count("RAINHAM-INDEPENDENT-RESIDENTS-ASSOCIATION-BEAM-PARK"));
    const auto* havering = identity(u, "HAVERING-RESIDENTS-ASSOCIATION");
    ASSERT_NE(havering, nullptr);
    EXPECT_EQ(havering->stood, (std::vector<bool>{true, true}));
    EXPECT_TRUE(contains(havering->how, "branch")) << havering->how;
    EXPECT_EQ(havering->spellings[1].size(), 2U);
    EXPECT_EQ(identity(u, "CON")->how, "register");
    EXPECT_EQ(identity(u, "ASPIRE")->stood, (std::vector<bool>{false, true}));
    EXPECT_EQ(identity(u, "IND-1"), nullptr);  // independents are each their own

    const auto joined =
        unify_parties({old, actual},
                      {{"Rainham Resident's Association",
                        "Rainham Independent Residents Association (Beam Park)", "a.csv, line 2"}});
    EXPECT_EQ(joined.renames[1].at("RAINHAM-INDEPENDENT-RESIDENTS-ASSOCIATION-BEAM-PARK"),
              "RAINHAM-RESIDENTS-ASSOCIATION");
    EXPECT_TRUE(contains(identity(joined, "RAINHAM-RESIDENTS-ASSOCIATION")->how, "alias"));
}

TEST(Parties, AnAliasMustNameAPartyAndCannotJoinTwoOfTheRegister) {
    const auto old = table("old", {{"CON", "Conservative"}, {"LAB", "Labour"}});
    const auto actual = table("actual", {{"CON", "Conservative"}});
    EXPECT_TRUE(
        contains(message_of<DataError>([&] {
                     (void)unify_parties({old, actual}, {{"Atlantis", "CON", "a.csv, line 2"}});
                 }),
                 "a.csv, line 2: 'Atlantis' is no party of either election"));
    EXPECT_TRUE(
        contains(message_of<DataError>([&] {
                     (void)unify_parties({old, actual}, {{"Labour", "CON", "a.csv, line 3"}});
                 }),
                 "join two parties of the register"));
    // A code or a name of the register names its party.
    const auto u = unify_parties({old, actual}, {{"lab", "Labour", "a.csv, line 4"}});
    EXPECT_TRUE(u.renames[1].empty());
}

}  // namespace
}  // namespace notional::model
