import { type Rubric, RubricSchema } from './rubric-schema.js';

/**
 * The default rubric, after the study's case-completeness practice: the information an engineer needs
 * before diagnosis starts, per issue type. A bug needs the version, environment, error, steps and
 * expected vs actual; a how-to needs the goal and the product area; an install/config case needs the
 * version, environment and the step that failed.
 */
export const DEFAULT_RUBRIC: Rubric = RubricSchema.parse({
  version: 1,
  issueTypes: {
    bug: {
      product: { required: false, weight: 1 },
      version: { required: true, weight: 2 },
      environment: { required: true, weight: 2 },
      error: { required: true, weight: 3 },
      steps: { required: true, weight: 3 },
      expected_actual: { required: true, weight: 2 },
      impact: { required: false, weight: 1 },
      timeline: { required: false, weight: 1 },
      attachment: { required: false, weight: 1 },
    },
    how_to: {
      goal: { required: true, weight: 3 },
      product: { required: true, weight: 2 },
      version: { required: false, weight: 1 },
      environment: { required: false, weight: 1 },
      impact: { required: false, weight: 1 },
    },
    install_config: {
      product: { required: false, weight: 1 },
      version: { required: true, weight: 2 },
      environment: { required: true, weight: 2 },
      steps: {
        required: true,
        weight: 3,
        question: 'Which step of the installation or setup failed, and what did you do just before it?',
      },
      error: { required: false, weight: 2 },
      goal: { required: false, weight: 1 },
      attachment: { required: false, weight: 1 },
    },
    other: {
      goal: { required: true, weight: 3 },
      product: { required: false, weight: 1 },
      impact: { required: false, weight: 1 },
      timeline: { required: false, weight: 1 },
    },
  },
  fields: {
    product: ['product', 'product_area', 'product area', 'module', 'component'],
    version: ['version', 'app_version', 'product_version', 'release'],
    environment: ['environment', 'os', 'operating_system', 'platform', 'browser', 'device'],
    error: ['error', 'error_message', 'error_code'],
    steps: ['steps', 'steps_to_reproduce'],
    impact: ['impact', 'business_impact', 'affected_users'],
  },
  text: {
    en: {
      labels: {
        product: 'Product or area',
        version: 'Version',
        environment: 'Environment',
        error: 'Error message or symptom',
        steps: 'Steps taken',
        expected_actual: 'Expected vs actual result',
        impact: 'Business impact',
        goal: 'What you want to achieve',
        timeline: 'When it started',
        attachment: 'Screenshot or log',
      },
      questions: {
        product: 'Which product or part of it (module, screen, feature) is this about?',
        version: 'Which version are you running (for example from Help → About)?',
        environment:
          'Where does it happen: operating system, browser or device, and is it cloud or on-premises?',
        error: 'What exactly do you see: the full error message or code, or what happens on screen?',
        steps: 'What were you doing when it happened? The steps to make it happen again would help most.',
        expected_actual: 'What did you expect to happen, and what happened instead?',
        impact: 'Who is affected and how much does it hold up your work (one user, a team, production)?',
        goal: 'What are you trying to achieve? Knowing the end goal lets us suggest the best way.',
        timeline: 'When did this start, and does it happen every time or only sometimes?',
        attachment: 'Could you attach a screenshot or the relevant log file?',
      },
      greeting: 'Hi,',
      greetingNamed: 'Hi {name},',
      draft:
        '{greeting}\n\nThank you for reaching out about "{subject}". So that we can start on this right away, could you send us the following in one reply?\n\n{questions}\n\nWith these details we can go straight to the cause instead of coming back to you with more questions.\n\nThank you!',
    },
    de: {
      labels: {
        product: 'Produkt oder Bereich',
        version: 'Version',
        environment: 'Umgebung',
        error: 'Fehlermeldung oder Symptom',
        steps: 'Durchgeführte Schritte',
        expected_actual: 'Erwartetes vs. tatsächliches Ergebnis',
        impact: 'Geschäftliche Auswirkung',
        goal: 'Ihr Ziel',
        timeline: 'Seit wann',
        attachment: 'Screenshot oder Log',
      },
      questions: {
        product: 'Um welches Produkt oder welchen Bereich (Modul, Maske, Funktion) geht es?',
        version: 'Welche Version setzen Sie ein (z. B. unter Hilfe → Info)?',
        environment:
          'Wo tritt es auf: Betriebssystem, Browser oder Gerät, und Cloud oder eigener Server (on-premises)?',
        error:
          'Was genau sehen Sie: die vollständige Fehlermeldung bzw. den Fehlercode oder was auf dem Bildschirm passiert?',
        steps:
          'Was haben Sie getan, als es passierte? Am meisten helfen uns die Schritte, mit denen es sich wiederholen lässt.',
        expected_actual: 'Was hatten Sie erwartet, und was ist stattdessen passiert?',
        impact:
          'Wer ist betroffen und wie stark behindert es Ihre Arbeit (ein Benutzer, ein Team, die Produktion)?',
        goal: 'Was möchten Sie erreichen? Wenn wir Ihr Ziel kennen, können wir den besten Weg vorschlagen.',
        timeline: 'Seit wann tritt das auf, und passiert es jedes Mal oder nur manchmal?',
        attachment: 'Könnten Sie einen Screenshot oder die passende Log-Datei anhängen?',
      },
      greeting: 'Guten Tag,',
      greetingNamed: 'Guten Tag {name},',
      draft:
        '{greeting}\n\nvielen Dank für Ihre Anfrage „{subject}“. Damit wir sofort loslegen können, senden Sie uns bitte in einer Antwort noch Folgendes:\n\n{questions}\n\nMit diesen Angaben können wir direkt nach der Ursache suchen, statt Sie noch einmal nachfragen zu müssen.\n\nVielen Dank!',
    },
  },
});
