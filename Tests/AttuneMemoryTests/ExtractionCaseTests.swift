import AttuneMemory
import Foundation
import Testing

/// Every hand-written case in Tests/Data/memory/extraction-cases.jsonl: utterances in several styles
/// (British, American, terse, lower case, typos) with what must be found, negatives that must yield no
/// record (questions, hypotheticals, small talk), and queries with the entity chain they name.
@Suite struct ExtractionCaseTests {
    let extractor = MemoryExtractor(resolver: TimeExpressionResolver())

    @Test func everyUtteranceYieldsWhatItsCaseStates() throws {
        let cases = try ExtractionCase.load().filter { $0.text != nil }
        #expect(cases.count >= 100, "the case table should hold at least 100 utterances, has \(cases.count)")
        var failures: [String] = []
        for row in cases {
            let analysis = extractor.analyse(ObservedTurn(timeMs: row.turnTimeMs, speaker: row.speaker, text: row.text!))
            let differences = row.differences(analysis)
            if !differences.isEmpty { failures.append("\(row):\n  " + differences.joined(separator: "\n  ")) }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(cases.count) cases differ:\n\(failures.joined(separator: "\n"))")
    }

    @Test func negativesAreAPartOfTheTable() throws {
        let cases = try ExtractionCase.load()
        let negatives = cases.filter { $0.noRecords == true }
        #expect(negatives.count >= 15, "the table should hold at least 15 no-record cases, has \(negatives.count)")
    }

    @Test func everyQueryNamesItsChain() throws {
        let cases = try ExtractionCase.load().filter { $0.query != nil }
        #expect(cases.count >= 8, "the case table should hold at least 8 queries, has \(cases.count)")
        var failures: [String] = []
        for row in cases {
            let chain = extractor.queryReferences(row.query!, speaker: row.speaker)
            let expected = row.chain ?? []
            let same = chain.count == expected.count && zip(expected, chain).allSatisfy { $0.matches($1) }
            if !same { failures.append("\(row): chain \(chain.map { "\($0.relation ?? "-") of \($0.relativeTo ?? "-") (\($0.name ?? "unnamed"))" })") }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(cases.count) queries differ:\n\(failures.joined(separator: "\n"))")
    }

    @Test func assistantTurnsYieldNothing() {
        let analysis = extractor.analyse(ObservedTurn(timeMs: 0, speaker: "assistant", text: "I live in Leeds and my sister is called Ana."))
        #expect(analysis == UtteranceAnalysis())
    }
}

/// In an all-lower-case query the word after a relation is read as a name only when it is no verb of
/// the question: "what does my sister teach?" asks about the sister, "my sister ana" names her.
@Suite struct LowerCaseQueryNameTests {
    let extractor = MemoryExtractor(resolver: TimeExpressionResolver())

    @Test func aQuestionVerbAfterARelationIsNoName() {
        for query in ["what does my sister teach?", "where does my landlord live", "what did my nephew fix for us", "what does my aunt paint"] {
            let chain = extractor.queryReferences(query, speaker: "priya")
            #expect(chain.count == 1, "\(query): \(chain)")
            #expect(chain.first?.name == nil, "\(query) read \(chain.first?.name ?? "-") as a name")
        }
    }

    @Test func aLowerCaseNameAfterARelationIsKept() {
        let chain = extractor.queryReferences("what does my sister ana teach", speaker: "priya")
        #expect(chain.first?.relation == "sister")
        #expect(chain.first?.name?.lowercased() == "ana")
        let capitalised = extractor.queryReferences("where does my cousin Teach work", speaker: "priya")
        #expect(capitalised.first?.name == "Teach")
    }
}

/// In all-lower-case text an irregular past verb after a relation is what the relation did, not
/// its name: "my daughter gave up the violin" names nobody; "my aunt rose" still names Rose.
@Suite struct LowerCasePastVerbNameTests {
    let extractor = MemoryExtractor(resolver: TimeExpressionResolver())

    @Test func aPastVerbAfterARelationIsNoName() {
        for text in ["my daughter gave up the violin and took up the cello", "my brother sold his van", "my nan left me her ring"] {
            let entities = extractor.analyse(ObservedTurn(timeMs: 0, speaker: "odile", text: text)).entities
            #expect(entities.count == 1 && entities.first?.name == nil, "\(text): \(entities)")
        }
        let rose = extractor.analyse(ObservedTurn(timeMs: 0, speaker: "odile", text: "my aunt rose lives in galway")).entities
        #expect(rose.first?.name?.lowercased() == "rose", "\(rose)")
    }
}
