export { AgentEditPage as default } from './AgentEditPage';
