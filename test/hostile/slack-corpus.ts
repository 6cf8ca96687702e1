/**
 * Real Slack payloads the app does not handle, each as published. Sources:
 * - BP = slackapi/bolt-python, tests/scenario_tests/<file> (the `body` / `payload` dict of the file);
 * - SD = Slack's API documentation examples (api.slack.com, docs.slack.dev/reference/events);
 * - ST = @slack/types (node-slack-sdk packages/types/src/events/<file>), the SDK's event types.
 * Only identifiers are as published; none of them is one of this app's action ids or callbacks.
 */
export const UNHANDLED_INTERACTIONS: { name: string; source: string; payload: object }[] = [
  {
    name: "another app's button (block_actions, action_id a)",
    source: "BP test_block_actions.py",
    payload: {
      type: "block_actions",
      user: { id: "W111", username: "primary-owner", name: "primary-owner", team_id: "T111" },
      api_app_id: "A111", token: "verification_token",
      container: { type: "message", message_ts: "111.222", channel_id: "C111", is_ephemeral: true },
      trigger_id: "111.222.valid",
      team: { id: "T111", domain: "workspace-domain", enterprise_id: "E111", enterprise_name: "Sandbox Org" },
      channel: { id: "C111", name: "test-channel" },
      response_url: "https://hooks.slack.com/actions/T111/111/random-value",
      actions: [{ action_id: "a", block_id: "b", text: { type: "plain_text", text: "Button", emoji: true }, value: "click_me_123", type: "button", action_ts: "1596530385.194939" }],
    },
  },
  {
    name: "another app's view (view_submission, callback view-id)",
    source: "BP test_view_submission.py",
    payload: {
      type: "view_submission",
      team: { id: "T111", domain: "workspace-domain", enterprise_id: "E111", enterprise_name: "Sandbox Org" },
      user: { id: "W111", username: "primary-owner", name: "primary-owner", team_id: "T111" },
      api_app_id: "A111", token: "verification_token", trigger_id: "111.222.valid",
      view: {
        id: "V111", team_id: "T111", type: "modal",
        blocks: [{ type: "input", block_id: "hspI", label: { type: "plain_text", text: "Label" }, optional: false, element: { type: "plain_text_input", action_id: "maBWU" } }],
        private_metadata: "This is for you!", callback_id: "view-id",
        state: { values: { hspI: { maBWU: { type: "plain_text_input", value: "test" } } } },
        hash: "1596530361.3wRYuk3R", title: { type: "plain_text", text: "My App" }, clear_on_close: false, notify_on_close: false,
        close: { type: "plain_text", text: "Cancel" }, submit: { type: "plain_text", text: "Submit" },
        previous_view_id: null, root_view_id: "V111", app_id: "A111", external_id: "", app_installed_team_id: "T111", bot_id: "B111",
      },
      response_urls: [],
    },
  },
  {
    name: "view_submission with response_urls and an empty state",
    source: "BP test_view_submission.py (response_url_payload_body)",
    payload: {
      type: "view_submission",
      team: { id: "T111", domain: "test-test-test" },
      user: { id: "U111", username: "test-test-test", name: "test-test-test", team_id: "T111" },
      api_app_id: "A111", token: "verification-token", trigger_id: "111.222.xxx",
      view: {
        id: "V111", team_id: "T111", type: "modal", blocks: [], callback_id: "view-id", state: {},
        title: { type: "plain_text", text: "My App" }, close: { type: "plain_text", text: "Cancel" }, submit: { type: "plain_text", text: "Submit" },
        previous_view_id: null, root_view_id: "V111", app_id: "A111", external_id: "", app_installed_team_id: "T111", bot_id: "B111",
      },
      response_urls: [{ block_id: "b", action_id: "a", channel_id: "C111", response_url: "http://localhost:8888/webhook" }],
      is_enterprise_install: false,
    },
  },
  {
    name: "view_closed",
    source: "BP test_view_closed.py",
    payload: {
      type: "view_closed",
      team: { id: "T111", domain: "workspace-domain", enterprise_id: "E111", enterprise_name: "Sandbox Org" },
      user: { id: "W111", username: "primary-owner", name: "primary-owner", team_id: "T111" },
      api_app_id: "A111", token: "verification_token",
      view: {
        id: "V111", team_id: "T111", type: "modal", blocks: [], private_metadata: "This is for you!", callback_id: "view-id",
        state: { values: {} }, hash: "1596530361.3wRYuk3R", title: { type: "plain_text", text: "My App" },
        clear_on_close: false, notify_on_close: false, previous_view_id: null, root_view_id: "V111", app_id: "A111", external_id: "", app_installed_team_id: "T111", bot_id: "B111",
      },
      response_urls: [],
    },
  },
  {
    name: "global shortcut",
    source: "BP test_shortcut.py",
    payload: {
      type: "shortcut", token: "verification_token", action_ts: "111.111",
      team: { id: "T111", domain: "workspace-domain", enterprise_id: "E111", enterprise_name: "Org Name" },
      user: { id: "W111", username: "primary-owner", team_id: "T111" },
      callback_id: "test-shortcut", trigger_id: "111.111.xxxxxx",
    },
  },
  {
    name: "message shortcut",
    source: "SD interactivity/handling message shortcuts (message_action example)",
    payload: {
      type: "message_action", token: "Nj2rfC2hU8mAfgaJLemZgO7H", action_ts: "1520966872.245369", callback_id: "chirp_message",
      trigger_id: "13345224609.8534564800.6f8ab1f53e13d0cd15f96106292d5536", response_url: "https://hooks.slack.com/app-actions/T0MJR11A4/21974584944/yk1S9ndf35Q1flupVG5JbpM6",
      team: { id: "T0MJRM1A7", domain: "pandamonium" }, channel: { id: "D0LFFBKLZ", name: "cats" }, user: { id: "U0D15K92L", name: "dr_maomao" },
      message: { type: "message", user: "U0MJRG1AL", ts: "1516229207.000133", text: "World's smallest big cat! <https://youtube.com/watch?v=W86cTIoMv2U>" },
    },
  },
  {
    name: "block_suggestion",
    source: "BP test_block_suggestion.py",
    payload: {
      type: "block_suggestion",
      user: { id: "W111", username: "primary-owner", name: "primary-owner", team_id: "T111" },
      container: { type: "view", view_id: "V111" }, api_app_id: "A111", token: "verification_token",
      action_id: "es_a", block_id: "es_b", value: "search word",
      team: { id: "T111", domain: "workspace-domain", enterprise_id: "E111", enterprise_name: "Sandbox Org" },
      view: { id: "V111", team_id: "T111", type: "modal", blocks: [], private_metadata: "", callback_id: "view-id", state: { values: {} }, hash: "111.xxx", title: { type: "plain_text", text: "My App" } },
    },
  },
  {
    name: "legacy interactive_message",
    source: "BP test_attachment_actions.py",
    payload: {
      type: "interactive_message",
      actions: [{ name: "channel_list", type: "select", selected_options: [{ value: "C111" }] }],
      callback_id: "pick_channel_for_fun", team: { id: "T111", domain: "hooli-hq" }, channel: { id: "C222", name: "triage-random" },
      user: { id: "U111", name: "gbelson" }, action_ts: "1520966872.245369", message_ts: "1520965348.000538", attachment_id: "1",
      token: "verification_token", is_app_unfurl: true,
      original_message: { text: "", username: "Belson Bot", bot_id: "B111", type: "message", subtype: "bot_message", ts: "1520965348.000538" },
      response_url: "https://hooks.slack.com/actions/T111/111/xxxx", trigger_id: "111.222.valid",
    },
  },
  {
    name: "legacy dialog_submission",
    source: "SD legacy dialogs (dialog_submission example)",
    payload: {
      type: "dialog_submission",
      submission: { name: "Sigourney Dreamweaver", email: "sigdre@example.com", phone: "+1 800-555-1212", meal: "burrito", comment: "No sour cream please", team_channel: "C0LFFBKPB", who_should_sing: "U0MJRG1AL" },
      callback_id: "employee_offsite_1138b", team: { id: "T1ABCD2E12", domain: "coverbands" }, user: { id: "W12A3BCDEF", name: "dreamweaver" },
      channel: { id: "C1AB2C3DE", name: "coverthon-1999" }, action_ts: "936893340.702759", token: "M1AqUUw3FqayAbqNtsGMch72",
      response_url: "https://hooks.slack.com/app/T012AB0A1/123456789/JpmK0yzoZDeRiqfeduTBYXWQ",
    },
  },
];

export const UNHANDLED_EVENTS: { name: string; source: string; body: object }[] = [
  {
    name: "app_rate_limited",
    source: "SD events/app_rate_limited",
    body: { token: "Jhj5dZrVaK7ZwHHjRyZWjbDl", type: "app_rate_limited", team_id: "T123ABC456", minute_rate_limited: 1518467820, api_app_id: "A123ABC456" },
  },
  {
    name: "an event the app did not subscribe to (reaction_added)",
    source: "SD events/reaction_added",
    body: {
      token: "XXYYZZ", team_id: "T123ABC456", api_app_id: "A123ABC456", type: "event_callback", event_id: "Ev123REACT", event_time: 1360782804, authorizations: [],
      event: { type: "reaction_added", user: "U123ABC456", reaction: "thumbsup", item_user: "U222222222", item: { type: "message", channel: "C123ABC456", ts: "1360782400.498405" }, event_ts: "1360782804.083113" },
    },
  },
  {
    name: "a message in a public channel (message.channels, not subscribed)",
    source: "SD events/message.channels",
    body: {
      token: "XXYYZZ", team_id: "T123ABC456", api_app_id: "A123ABC456", type: "event_callback", event_id: "Ev123CHAN", event_time: 1355517523,
      event: { type: "message", channel: "C024BE91L", user: "U2147483697", text: "Live long and prospect.", ts: "1355517523.000005", event_ts: "1355517523.000005", channel_type: "channel" },
    },
  },
];

/** The kinds the app subscribes to, as documented; each must be handled. */
export const HANDLED_EVENTS = {
  appHomeOpened: (eventId: string) => ({
    source: "SD events/app_home_opened",
    body: {
      token: "XXYYZZ", team_id: "T1", api_app_id: "A_APP", type: "event_callback", event_id: eventId, event_time: 1515449522,
      event: { type: "app_home_opened", user: "U_HOME", channel: "D0LAN2Q65", event_ts: "1515449522000016", tab: "home" },
    },
  }),
  messageIm: (eventId: string, text: string) => ({
    source: "SD events/message.im",
    body: {
      token: "XXYYZZ", team_id: "T1", api_app_id: "A_APP", type: "event_callback", event_id: eventId, event_time: 1355517523,
      event: { type: "message", channel: "D024BE91L", user: "U_DM", text, ts: "1355517523.000005", event_ts: "1355517523.000005", channel_type: "im" },
    },
  }),
  /**
   * A file sent in a direct message with the bot: a `message` with subtype `file_share` and the
   * file object Slack shares (the BP payload is a channel's; in a DM `channel` is a D… id and
   * `channel_type` is `im`, as SD events/message.im says).
   */
  fileShareIm: (eventId: string, user: string, file: object, ts = "1652227646.593159") => ({
    source: "BP test_message_file_share.py (event_payload), in a DM",
    body: {
      token: "xxx", team_id: "T1", api_app_id: "A_APP", type: "event_callback", event_id: eventId, event_time: 1652227646,
      authorizations: [{ enterprise_id: null, team_id: "T1", user_id: "UBOT", is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false, event_context: "4-xxx",
      event: {
        type: "message", subtype: "file_share", text: "", upload: true, user, display_as_bot: false, ts, event_ts: ts,
        channel: `D${user}`, channel_type: "im", client_msg_id: `msg-${eventId}`,
        files: [{
          created: 1652227642, timestamp: 1652227642, filetype: "csv", pretty_type: "CSV", editable: false, mode: "hosted",
          is_external: false, external_type: "", is_public: false, public_url_shared: false, display_as_bot: false, username: "",
          ...file,
        }],
      },
    },
  }),
  /**
   * The same file announced by `file_shared`: ids only (ST events/file.ts FileSharedEvent:
   * file_id, user_id, file.id, channel_id, event_ts), in the DM — SD's own example is a D…
   * channel. SD's wrapper has `authed_users` and no `authorizations`.
   */
  fileShared: (eventId: string, user: string, fileId: string, channel = `D${user}`) => ({
    source: "SD events/file_shared; ST FileSharedEvent",
    body: {
      token: "XXYYZZ", team_id: "T1", api_app_id: "A_APP", type: "event_callback", authed_users: ["UBOT"], event_id: eventId, event_time: 1617804931,
      event: { type: "file_shared", channel_id: channel, file_id: fileId, user_id: user, file: { id: fileId }, event_ts: "1617804931.000300" },
    },
  }),
};
